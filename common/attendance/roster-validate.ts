import type { ConsentInput, ConsentScope, ImportRejection, PersonInput } from '../ipc/contract-attendance';
import { mayBeMinor } from './age-band';
import { isCalendarDate, isReadableName } from './field-checks';
import { consentScopesProblem } from './consent-rule';
import type { CsvRecord } from './csv-parse';
import {
  parseConsentMethod,
  parseConsentScope,
  parsePersonType,
  parseRelation,
  parseSex,
  type RosterColumn,
} from './roster-columns';
import { foldForSearch } from './search-key';

export type RosterRowResult =
  | { ok: true; row: number; input: PersonInput; dedupeKey: string }
  | { ok: false; rejection: ImportRejection };

/** Same person = same folded name, type and birth year. */
export const personDedupeKey = (
  displayName: string,
  type: string,
  birthYear: number | null | undefined,
): string => `${foldForSearch(displayName)}|${type}|${birthYear ?? ''}`;

const reject = (
  row: number,
  reason: string,
  field: RosterColumn | null,
  value?: string | number,
): RosterRowResult => ({
  ok: false,
  rejection: {
    row,
    reasonKey: `staff.import.reason.${reason}`,
    field,
    ...(value === undefined ? {} : { params: { value } }),
  },
});

/** Accepts 2024-03-05, 5/3/2024 and 05-03-2024 (day first, as in Latin America). */
export const parseRosterDate = (raw: string): string | null => {
  const text = raw.trim();
  let year: number;
  let month: number;
  let day: number;
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (ymd) [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else if (dmy) [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
};

/** Validates one roster record against the mapped header; never throws. */
export const validateRosterRecord = (
  record: CsvRecord,
  columns: ReadonlyMap<RosterColumn, number>,
  headerLength: number,
  currentYear: number,
): RosterRowResult => {
  const row = record.line;
  const cell = (column: RosterColumn): string => {
    const index = columns.get(column);
    return index === undefined ? '' : (record.cells[index] ?? '').trim();
  };
  if (record.cells.slice(headerLength).some((extra) => extra.trim() !== ''))
    return reject(row, 'too-many-cells', null);

  const displayName = cell('name').replace(/\s+/g, ' ');
  if (!displayName) return reject(row, 'missing-name', 'name');
  if (displayName.length > 80) return reject(row, 'name-too-long', 'name');
  if (!isReadableName(displayName)) return reject(row, 'bad-name', 'name');

  const rawType = cell('type');
  if (!rawType) return reject(row, 'missing-type', 'type');
  const type = parsePersonType(rawType);
  if (!type) return reject(row, 'bad-type', 'type', rawType);

  const rawYear = cell('birth_year');
  let birthYear: number | null = null;
  if (rawYear) {
    if (!/^\d{4}$/.test(rawYear) || Number(rawYear) < 1900)
      return reject(row, 'bad-birth-year', 'birth_year', rawYear);
    birthYear = Number(rawYear);
    if (birthYear > currentYear) return reject(row, 'birth-year-future', 'birth_year', rawYear);
  } else if (type === 'learner') return reject(row, 'missing-birth-year', 'birth_year');

  const rawSex = cell('sex');
  const sex = rawSex ? parseSex(rawSex) : null;
  if (sex === undefined) return reject(row, 'bad-sex', 'sex', rawSex);

  const input: PersonInput = { displayName, type, birthYear, sex };

  const consentColumns: RosterColumn[] = ['guardian_name', 'relation', 'method', 'consent_date', 'scopes'];
  if (consentColumns.some((column) => cell(column) !== '')) {
    const missing = consentColumns.find((column) => cell(column) === '');
    if (missing) return reject(row, 'incomplete-consent', missing, missing);
    if (!mayBeMinor(birthYear, currentYear)) return reject(row, 'consent-not-minor', 'guardian_name');
    const relation = parseRelation(cell('relation'));
    if (!relation) return reject(row, 'bad-relation', 'relation', cell('relation'));
    const method = parseConsentMethod(cell('method'));
    if (!method) return reject(row, 'bad-method', 'method', cell('method'));
    const date = parseRosterDate(cell('consent_date'));
    if (!date) return reject(row, 'bad-consent-date', 'consent_date', cell('consent_date'));
    const scopes = new Set<ConsentScope>();
    for (const part of cell('scopes')
      .split(/[|,/+]/)
      .map((text) => text.trim())
      .filter(Boolean)) {
      const scope = parseConsentScope(part);
      if (!scope) return reject(row, 'bad-scopes', 'scopes', part);
      scopes.add(scope);
    }
    if (consentScopesProblem([...scopes]))
      return reject(row, 'scopes-need-attendance', 'scopes', cell('scopes'));
    const guardianName = cell('guardian_name').replace(/\s+/g, ' ');
    if (guardianName.length > 80) return reject(row, 'name-too-long', 'guardian_name');
    if (!isReadableName(guardianName)) return reject(row, 'bad-name', 'guardian_name');
    const consent: ConsentInput = { guardianName, relation, method, date, scopes: [...scopes] };
    input.consent = consent;
  }
  return { ok: true, row, input, dedupeKey: personDedupeKey(displayName, type, birthYear) };
};
