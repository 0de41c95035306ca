/**
 * Rows of an attendance export, produced session by session (so 100,000 rows never sit in memory
 * at once). Only people currently present (latest event = check-in) are exported.
 */
import { ageBandFor } from '../../common/attendance/age-band';
import {
  namedExportExtraColumns,
  pseudonymousExportColumns,
  type ActivityType,
} from '../../common/ipc/contract-attendance';
import type { CsvCell } from '../../common/attendance/csv-encode';
import type { Sql } from '../db/sqlite';
import { consentStateOf, latestConsentRows, type PersonRow } from './person-repo';
import type { SessionRow } from './session-repo';

export interface ExportQuery {
  from: string;
  to: string;
  activityType: ActivityType | null;
  named: boolean;
}

export const exportHeader = (named: boolean): string[] => [
  ...pseudonymousExportColumns,
  ...(named ? namedExportExtraColumns : []),
];

interface ExportRow {
  attendance_id: string;
  person_id: string;
  checked_in_at: string;
  display_name: PersonRow['display_name'] | null;
  type: PersonRow['type'] | null;
  birth_year: number | null;
  sex: PersonRow['sex'];
}

/** Yields one batch of cell rows per session, in date and time order. */
export async function* exportRowBatches(sql: Sql, query: ExportQuery): AsyncGenerator<CsvCell[][]> {
  const sessions = await sql.all<Omit<SessionRow, 'present_count'>>(
    `SELECT * FROM sessions WHERE date BETWEEN ? AND ? ${query.activityType ? 'AND activity_type = ?' : ''}
     ORDER BY date, start_time, created_at`,
    [query.from, query.to, ...(query.activityType ? [query.activityType] : [])],
  );
  for (const session of sessions) {
    const rows = await sql.all<ExportRow>(
      `SELECT a.id AS attendance_id, a.person_id, a.created_at AS checked_in_at,
              p.display_name, p.type, p.birth_year, p.sex
       FROM attendance a LEFT JOIN people p ON p.id = a.person_id
       WHERE a.session_id = ?
         AND (SELECT e.kind FROM attendance_events e WHERE e.attendance_id = a.id ORDER BY e.seq DESC LIMIT 1) = 'check-in'
       ORDER BY a.created_at, a.id`,
      [session.id],
    );
    if (rows.length === 0) continue;
    const year = Number(session.date.slice(0, 4));
    const consents = await latestConsentRows(
      sql,
      rows.map((row) => row.person_id),
    );
    const lessons = (JSON.parse(session.lessons) as string[]).join(' | ');
    yield rows.map((row) => {
      const erased = row.type === null;
      const cells: CsvCell[] = [
        row.attendance_id,
        session.id,
        session.date,
        session.start_time,
        session.activity_type,
        session.centre,
        row.person_id,
        erased ? 'unknown' : row.type,
        ageBandFor(row.birth_year, year),
        row.sex ?? '',
        erased ? 'unknown' : consentStateOf(row.birth_year, consents.get(row.person_id), year),
        row.checked_in_at,
      ];
      if (query.named) cells.push(row.display_name ?? '', row.birth_year, session.facilitator, lessons);
      return cells;
    });
  }
}
