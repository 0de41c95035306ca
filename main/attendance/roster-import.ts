/**
 * Roster import from CSV: every row is validated first; the good rows are inserted in ONE
 * transaction (all or nothing); bad rows come back with their row number and a reason key.
 */
import { CsvLimitError, parseCsv, type CsvLimits } from '../../common/attendance/csv-parse';
import {
  mapRosterHeader,
  requiredRosterColumns,
  rosterColumnAliases,
} from '../../common/attendance/roster-columns';
import { personDedupeKey, validateRosterRecord } from '../../common/attendance/roster-validate';
import type { ImportRejection, ImportResult, PersonInput } from '../../common/ipc/contract-attendance';
import type { Sql } from '../db/sqlite';
import type { Actor } from './actor';
import type { AttendanceStore } from './attendance-store';
import { writeAudit } from './audit-repo';
import { attendanceError } from './errors';
import { createPersonInTx } from './people-service';
import { currentYear } from './person-repo';

export const maxRosterRows = 5000;
/** A roster line is a person: a few short cells. Anything wider is not a roster, refused while reading. */
export const rosterCsvLimits: CsvLimits = { maxCellsPerRecord: 64, maxCharsPerRecord: 4096 };

interface Candidate {
  row: number;
  input: PersonInput;
  dedupeKey: string;
}

const rejection = (row: number, reason: string, params?: ImportRejection['params']): ImportRejection => ({
  row,
  reasonKey: `staff.import.reason.${reason}`,
  field: null,
  ...(params ? { params } : {}),
});

const readRosterRecords = (csvText: string) => {
  try {
    return parseCsv(csvText, undefined, rosterCsvLimits);
  } catch (error) {
    if (!(error instanceof CsvLimitError)) throw error;
    const name = error.limit === 'cells' ? 'import-too-many-columns' : 'import-line-too-long';
    throw attendanceError(name, { line: error.line, max: error.max });
  }
};

/** Parses and validates; throws only for file-level problems (empty, no header, too big). */
export const validateRoster = (csvText: string, year = currentYear()) => {
  const records = readRosterRecords(csvText);
  if (records.length === 0) throw attendanceError('import-empty');
  const [header, ...data] = records;
  const columns = mapRosterHeader(header.cells);
  const missing = requiredRosterColumns.filter((column) => !columns.has(column));
  // Named as a person writes the header (the first accepted name), not by our internal ids.
  if (missing.length)
    throw attendanceError('import-no-header', {
      columns: missing.map((column) => rosterColumnAliases[column][0]).join(', '),
    });
  if (data.length > maxRosterRows) throw attendanceError('import-too-many-rows', { max: maxRosterRows });
  const candidates: Candidate[] = [];
  const rejected: ImportRejection[] = [];
  const firstRowOf = new Map<string, number>();
  for (const record of data) {
    const result = validateRosterRecord(record, columns, header.cells.length, year);
    if (!result.ok) {
      rejected.push(result.rejection);
      continue;
    }
    const first = firstRowOf.get(result.dedupeKey);
    if (first !== undefined) {
      rejected.push(rejection(result.row, 'duplicate-in-file', { other: first }));
      continue;
    }
    firstRowOf.set(result.dedupeKey, result.row);
    candidates.push(result);
  }
  return { totalRows: data.length, candidates, rejected };
};

const existingKeys = async (sql: Sql): Promise<Set<string>> => {
  const rows = await sql.all<{ display_name: string; type: string; birth_year: number | null }>(
    'SELECT display_name, type, birth_year FROM people WHERE deleted_at IS NULL',
  );
  return new Set(rows.map((row) => personDedupeKey(row.display_name, row.type, row.birth_year)));
};

export const createRosterImportService = (store: AttendanceStore) => ({
  async importRoster(csvText: string, dryRun: boolean, actor: Actor): Promise<ImportResult> {
    const { totalRows, candidates, rejected } = validateRoster(csvText);
    const db = store.db();
    const split = (keys: Set<string>) => {
      const accepted = candidates.filter((candidate) => !keys.has(candidate.dedupeKey));
      const duplicates = candidates
        .filter((candidate) => keys.has(candidate.dedupeKey))
        .map((candidate) => rejection(candidate.row, 'duplicate-existing'));
      const allRejected = [...rejected, ...duplicates].sort((a, b) => a.row - b.row);
      return { accepted, allRejected };
    };
    if (dryRun) {
      const { accepted, allRejected } = split(await existingKeys(db.read));
      return {
        totalRows,
        accepted: accepted.length,
        rejected: allRejected,
        createdIds: [],
        dryRun: true,
        acceptedNames: accepted.map((candidate) => candidate.input.displayName),
      };
    }
    return db.write(async (tx) => {
      const now = new Date().toISOString();
      const { accepted, allRejected } = split(await existingKeys(tx));
      const createdIds: string[] = [];
      for (const candidate of accepted)
        createdIds.push((await createPersonInTx(tx, candidate.input, now)).id);
      await writeAudit(
        tx,
        actor,
        {
          action: 'import',
          kind: 'csv',
          rowCount: createdIds.length,
          detail: `rejected ${allRejected.length} of ${totalRows}`,
        },
        now,
      );
      return {
        totalRows,
        accepted: createdIds.length,
        rejected: allRejected,
        createdIds,
        dryRun: false,
        acceptedNames: accepted.map((candidate) => candidate.input.displayName),
      };
    });
  },
});
