/** Monthly summary: sessions held and people reached by type, sex and age band. */
import { monthRange, summariseMonth, type SummaryAttendance } from '../../common/attendance/monthly-summary';
import type { ActivityType, MonthlySummary } from '../../common/ipc/contract-attendance';
import type { AttendanceStore } from './attendance-store';
import { presentCountSql } from './session-repo';

export const createSummaryService = (store: AttendanceStore) => ({
  async monthlySummary(month: string): Promise<MonthlySummary> {
    const sql = store.db().read;
    const { from, to } = monthRange(month);
    const sessions = await sql.all<{ activity_type: ActivityType; count: number }>(
      `SELECT s.activity_type, COUNT(*) AS count FROM sessions s
       WHERE s.date BETWEEN ? AND ? AND ${presentCountSql} > 0 GROUP BY s.activity_type`,
      [from, to],
    );
    const rows = await sql.all<{
      person_id: string;
      type: SummaryAttendance['type'];
      birth_year: number | null;
      sex: SummaryAttendance['sex'];
    }>(
      `SELECT a.person_id, p.type, p.birth_year, p.sex
       FROM attendance a JOIN sessions s ON s.id = a.session_id LEFT JOIN people p ON p.id = a.person_id
       WHERE s.date BETWEEN ? AND ?
         AND (SELECT e.kind FROM attendance_events e WHERE e.attendance_id = a.id ORDER BY e.seq DESC LIMIT 1) = 'check-in'`,
      [from, to],
    );
    return summariseMonth(
      month,
      new Map(sessions.map((row) => [row.activity_type, row.count])),
      rows.map((row) => ({
        personId: row.person_id,
        type: row.type,
        birthYear: row.birth_year,
        sex: row.sex,
      })),
    );
  },
});
