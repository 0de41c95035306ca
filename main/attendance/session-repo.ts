import type { Session } from '../../common/ipc/contract-attendance';
import type { Sql } from '../db/sqlite';

export interface SessionRow {
  id: string;
  centre: string;
  date: string;
  start_time: string;
  activity_type: Session['activityType'];
  lessons: string;
  facilitator: string;
  created_at: string;
  present_count: number;
}

/** Present = the latest event of the attendance row is a check-in. */
export const presentCountSql = `(SELECT COUNT(*) FROM attendance a
  WHERE a.session_id = s.id
    AND (SELECT e.kind FROM attendance_events e WHERE e.attendance_id = a.id ORDER BY e.seq DESC LIMIT 1) = 'check-in')`;

export const sessionSelect = `SELECT s.*, ${presentCountSql} AS present_count FROM sessions s`;

export const toSession = (row: SessionRow): Session => ({
  id: row.id,
  centre: row.centre,
  date: row.date,
  startTime: row.start_time,
  activityType: row.activity_type,
  lessons: JSON.parse(row.lessons) as string[],
  facilitator: row.facilitator,
  createdAt: row.created_at,
  presentCount: row.present_count,
});

export const loadSession = async (sql: Sql, id: string): Promise<Session | null> => {
  const row = await sql.get<SessionRow>(`${sessionSelect} WHERE s.id = ?`, [id]);
  return row ? toSession(row) : null;
};

/** Without the present count: for check-in, where the count would cost a scan per tap. */
export const loadSessionBasic = async (sql: Sql, id: string): Promise<Session | null> => {
  const row = await sql.get<SessionRow>('SELECT s.*, 0 AS present_count FROM sessions s WHERE s.id = ?', [
    id,
  ]);
  return row ? toSession(row) : null;
};
