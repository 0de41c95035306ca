/** People and guardian consent: create, edit, search, soft delete, erase. */
import { mayBeMinor } from '../../common/attendance/age-band';
import { consentScopesProblem } from '../../common/attendance/consent-rule';
import { escapeLike, searchKeyFor, searchTokens } from '../../common/attendance/search-key';
import type {
  ConsentInput,
  Person,
  PersonInput,
  PersonSearchHit,
} from '../../common/ipc/contract-attendance';
import type { Sql } from '../db/sqlite';
import type { Actor } from './actor';
import type { AttendanceStore } from './attendance-store';
import { writeAudit } from './audit-repo';
import { attendanceError } from './errors';
import { writeOutbox } from './outbox';
import {
  currentYear,
  insertConsentRow,
  insertPersonRow,
  latestConsentRow,
  latestConsentRows,
  loadPerson,
  personColumns,
  personOutboxPayload,
  toPerson,
  type PersonRow,
} from './person-repo';
import { readCentre } from './settings-repo';

export interface PersonUpdate {
  id: string;
  displayName?: string;
  type?: Person['type'];
  birthYear?: number | null;
  sex?: Person['sex'];
}

export interface PersonSearch {
  query: string;
  type?: Person['type'];
  includeDeleted: boolean;
  sessionId?: string;
  limit: number;
  offset?: number;
}

const checkBirthYear = (type: Person['type'], birthYear: number | null | undefined) => {
  if (type === 'learner' && (birthYear === null || birthYear === undefined))
    throw attendanceError('birth-year-required');
  if (birthYear !== null && birthYear !== undefined && birthYear > currentYear())
    throw attendanceError('birth-year-future');
};

const checkConsentAllowed = (birthYear: number | null | undefined, consent: ConsentInput) => {
  if (!mayBeMinor(birthYear, currentYear())) throw attendanceError('consent-not-minor');
  const problem = consentScopesProblem(consent.scopes);
  if (problem) throw attendanceError(problem);
};

export const requirePerson = async (sql: Sql, id: string): Promise<Person> => {
  const person = await loadPerson(sql, id);
  if (!person) throw attendanceError('person-not-found');
  return person;
};

/** Inside a write transaction: person + optional consent + outbox row. Used by create, walk-in, import. */
export const createPersonInTx = async (tx: Sql, input: PersonInput, now: string): Promise<Person> => {
  checkBirthYear(input.type, input.birthYear);
  if (input.consent) checkConsentAllowed(input.birthYear, input.consent);
  const id = await insertPersonRow(tx, input, await readCentre(tx), now);
  if (input.consent) await insertConsentRow(tx, id, input.consent, now);
  const person = await requirePerson(tx, id);
  await writeOutbox(
    tx,
    { entity: 'person', entityId: id, op: 'create', payload: personOutboxPayload(person) },
    now,
  );
  return person;
};

export const createPeopleService = (store: AttendanceStore) => {
  const now = () => new Date().toISOString();

  const change = (
    id: string,
    op: 'update' | 'soft-delete' | 'restore' | 'consent',
    apply: (tx: Sql, person: Person, at: string) => Promise<void>,
  ) =>
    store.db().write(async (tx) => {
      const at = now();
      await apply(tx, await requirePerson(tx, id), at);
      const person = await requirePerson(tx, id);
      await writeOutbox(tx, { entity: 'person', entityId: id, op, payload: personOutboxPayload(person) }, at);
      return person;
    });

  return {
    create: (input: PersonInput) => store.db().write((tx) => createPersonInTx(tx, input, now())),

    get: (id: string) => requirePerson(store.db().read, id),

    update: (patch: PersonUpdate) =>
      change(patch.id, 'update', async (tx, person, at) => {
        const next = {
          displayName: patch.displayName ?? person.displayName,
          type: patch.type ?? person.type,
          birthYear: patch.birthYear === undefined ? person.birthYear : patch.birthYear,
          sex: patch.sex === undefined ? person.sex : patch.sex,
        };
        checkBirthYear(next.type, next.birthYear);
        await tx.run(
          `UPDATE people SET display_name = ?, search_key = ?, type = ?, birth_year = ?, sex = ?, updated_at = ?
           WHERE id = ?`,
          [
            next.displayName,
            searchKeyFor(next.displayName),
            next.type,
            next.birthYear,
            next.sex,
            at,
            person.id,
          ],
        );
      }),

    softDelete: (id: string) =>
      change(id, 'soft-delete', async (tx, person, at) => {
        await tx.run('UPDATE people SET deleted_at = COALESCE(deleted_at, ?), updated_at = ? WHERE id = ?', [
          at,
          at,
          person.id,
        ]);
      }),

    restore: (id: string) =>
      change(id, 'restore', async (tx, person, at) => {
        await tx.run('UPDATE people SET deleted_at = NULL, updated_at = ? WHERE id = ?', [at, person.id]);
      }),

    recordConsent: (personId: string, consent: ConsentInput) =>
      change(personId, 'consent', async (tx, person, at) => {
        checkConsentAllowed(person.birthYear, consent);
        await insertConsentRow(tx, person.id, consent, at);
      }),

    withdrawConsent: (personId: string, date: string) =>
      change(personId, 'consent', async (tx, person, at) => {
        const latest = await latestConsentRow(tx, person.id);
        if (!latest || latest.withdrawn_at) throw attendanceError('consent-missing');
        // Withdrawal is recorded on the consent record (the record itself stays as evidence).
        await tx.run('UPDATE consents SET withdrawn_at = ?, withdrawn_on = ? WHERE id = ?', [
          at,
          date,
          latest.id,
        ]);
      }),

    /** Hard delete of personal data (person + consents); attendance rows keep only the UUID. */
    erase: (id: string, actor: Actor) =>
      store.db().write(async (tx) => {
        const at = now();
        await requirePerson(tx, id);
        await tx.run('DELETE FROM people WHERE id = ?', [id]);
        await writeOutbox(tx, { entity: 'person', entityId: id, op: 'erase', payload: { id } }, at);
        await writeAudit(tx, actor, { action: 'erase', detail: id }, at);
        return { id, erased: true as const };
      }),

    search: async (args: PersonSearch): Promise<PersonSearchHit[]> => {
      const sql = store.db().read;
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (!args.includeDeleted) where.push('p.deleted_at IS NULL');
      if (args.type) {
        where.push('p.type = ?');
        params.push(args.type);
      }
      for (const token of searchTokens(args.query)) {
        where.push("p.search_key LIKE ? ESCAPE '\\'");
        params.push(`% ${escapeLike(token)}%`);
      }
      const presentColumn = args.sessionId
        ? `, (SELECT e.kind FROM attendance a JOIN attendance_events e ON e.attendance_id = a.id
             WHERE a.session_id = ? AND a.person_id = p.id ORDER BY e.seq DESC LIMIT 1) AS last_kind`
        : '';
      const rows = await sql.all<PersonRow & { last_kind?: string | null }>(
        `SELECT ${personColumns
          .split(', ')
          .map((column) => `p.${column}`)
          .join(', ')}${presentColumn}
         FROM people p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY p.search_key, p.id LIMIT ? OFFSET ?`,
        [...(args.sessionId ? [args.sessionId] : []), ...params, args.limit, args.offset ?? 0],
      );
      const consents = await latestConsentRows(
        sql,
        rows.map((row) => row.id),
      );
      return rows.map((row) => ({
        ...toPerson(row, consents.get(row.id)),
        present: args.sessionId ? row.last_kind === 'check-in' : null,
      }));
    },
  };
};
