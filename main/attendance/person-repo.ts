/** People and consent rows: SQL and the mapping to the contract's Person. */
import { randomUUID } from 'node:crypto';
import { ageBandFor, mayBeMinor } from '../../common/attendance/age-band';
import { searchKeyFor } from '../../common/attendance/search-key';
import type {
  ConsentInput,
  ConsentRecord,
  ConsentScope,
  ConsentState,
  Person,
  PersonInput,
} from '../../common/ipc/contract-attendance';
import type { Sql } from '../db/sqlite';
import type { PersonOutboxPayload } from './outbox';

export interface PersonRow {
  id: string;
  display_name: string;
  type: Person['type'];
  birth_year: number | null;
  sex: Person['sex'];
  centre: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ConsentRow {
  id: string;
  person_id: string;
  guardian_name: string;
  relation: ConsentRecord['relation'];
  method: ConsentRecord['method'];
  given_on: string;
  scopes: string;
  recorded_at: string;
  withdrawn_at: string | null;
  withdrawn_on: string | null;
}

export const personColumns =
  'id, display_name, type, birth_year, sex, centre, created_at, updated_at, deleted_at';

export const currentYear = (): number => new Date().getFullYear();

export const consentStateOf = (
  birthYear: number | null,
  consent: ConsentRow | null | undefined,
  referenceYear: number,
): ConsentState => {
  if (!mayBeMinor(birthYear, referenceYear)) return 'not-required';
  if (!consent) return 'missing';
  return consent.withdrawn_at ? 'withdrawn' : 'given';
};

const toConsent = (row: ConsentRow): ConsentRecord => ({
  id: row.id,
  guardianName: row.guardian_name,
  relation: row.relation,
  method: row.method,
  date: row.given_on,
  scopes: JSON.parse(row.scopes) as ConsentScope[],
  recordedAt: row.recorded_at,
  withdrawnAt: row.withdrawn_at,
  withdrawnOn: row.withdrawn_on,
});

export const toPerson = (
  row: PersonRow,
  consent: ConsentRow | null | undefined,
  year = currentYear(),
): Person => ({
  id: row.id,
  displayName: row.display_name,
  type: row.type,
  birthYear: row.birth_year,
  ageBand: ageBandFor(row.birth_year, year),
  minor: mayBeMinor(row.birth_year, year),
  sex: row.sex,
  centre: row.centre,
  consentState: consentStateOf(row.birth_year, consent, year),
  consent: consent ? toConsent(consent) : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deletedAt: row.deleted_at,
});

export const personOutboxPayload = (person: Person): PersonOutboxPayload => ({
  id: person.id,
  type: person.type,
  ageBand: person.ageBand,
  sex: person.sex,
  centre: person.centre,
  consentState: person.consentState,
  consentScopes: activeConsentScopes(person),
  deleted: person.deletedAt !== null,
});

export const activeConsentScopes = (person: Person): ConsentScope[] =>
  person.consentState === 'given' && person.consent ? [...person.consent.scopes] : [];

export const latestConsentRow = (sql: Sql, personId: string) =>
  sql.get<ConsentRow>(
    'SELECT * FROM consents WHERE person_id = ? ORDER BY recorded_at DESC, rowid DESC LIMIT 1',
    [personId],
  );

/** Latest consent of each of the given people (one query). */
export const latestConsentRows = async (
  sql: Sql,
  personIds: readonly string[],
): Promise<Map<string, ConsentRow>> => {
  const map = new Map<string, ConsentRow>();
  for (let start = 0; start < personIds.length; start += 500) {
    const chunk = personIds.slice(start, start + 500);
    const rows = await sql.all<ConsentRow>(
      `SELECT c.* FROM consents c WHERE c.person_id IN (${chunk.map(() => '?').join(',')})
       ORDER BY c.recorded_at, c.rowid`,
      chunk,
    );
    for (const row of rows) map.set(row.person_id, row);
  }
  return map;
};

export const loadPerson = async (sql: Sql, id: string): Promise<Person | null> => {
  const row = await sql.get<PersonRow>(`SELECT ${personColumns} FROM people WHERE id = ?`, [id]);
  return row ? toPerson(row, await latestConsentRow(sql, id)) : null;
};

export const insertPersonRow = async (
  tx: Sql,
  input: PersonInput,
  centre: string,
  now: string,
): Promise<string> => {
  const id = randomUUID();
  await tx.run(
    `INSERT INTO people (id, display_name, search_key, type, birth_year, sex, centre, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      input.displayName,
      searchKeyFor(input.displayName),
      input.type,
      input.birthYear ?? null,
      input.sex ?? null,
      input.centre ?? centre,
      now,
      now,
    ],
  );
  return id;
};

export const insertConsentRow = async (
  tx: Sql,
  personId: string,
  consent: ConsentInput,
  now: string,
): Promise<void> => {
  await tx.run(
    `INSERT INTO consents (id, person_id, guardian_name, relation, method, given_on, scopes, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      randomUUID(),
      personId,
      consent.guardianName,
      consent.relation,
      consent.method,
      consent.date,
      JSON.stringify([...new Set(consent.scopes)]),
      now,
    ],
  );
};
