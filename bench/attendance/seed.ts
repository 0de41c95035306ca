/**
 * Seeds an attendance database for the export benchmark: `people` people checked in to
 * `sessions` sessions, through the app's own schema (migrations), in bulk SQL. The rows have the
 * same shape the check-in service writes (attendance row + one check-in event each).
 */
import type { AttendanceService } from '../../main/attendance/attendance-service';

export const seedAttendance = async (
  service: AttendanceService,
  people: number,
  sessions: number,
): Promise<void> => {
  await service.store.db().write(async (tx) => {
    const now = new Date().toISOString();
    await tx.run(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
       INSERT INTO people (id, display_name, search_key, type, birth_year, sex, centre, created_at, updated_at)
       SELECT printf('p-%08d', i), 'Persona ' || i, ' persona ' || i || ' ',
              CASE i % 3 WHEN 0 THEN 'learner' WHEN 1 THEN 'teacher' ELSE 'caregiver' END,
              CASE i % 3 WHEN 0 THEN 2010 + i % 8 ELSE 1970 + i % 30 END,
              CASE i % 3 WHEN 0 THEN 'female' WHEN 1 THEN 'male' ELSE NULL END, 'centro-bench', ?, ?
       FROM n`,
      [people, now, now],
    );
    await tx.run(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
       INSERT INTO sessions (id, centre, date, start_time, activity_type, lessons, facilitator, created_at)
       SELECT printf('s-%06d', i), 'centro-bench', date('2026-01-05', '+' || (i % 300) || ' days'), '15:00',
              CASE i % 2 WHEN 0 THEN 'robotics-class' ELSE 'coding-class' END, '["Semáforo"]', 'Prof', ?
       FROM n`,
      [sessions, now],
    );
    await tx.run(
      `INSERT INTO attendance (id, centre, session_id, person_id, created_at)
       SELECT s.id || '/' || p.id, 'centro-bench', s.id, p.id, ? FROM sessions s CROSS JOIN people p`,
      [now],
    );
    await tx.run(
      `INSERT INTO attendance_events (id, attendance_id, kind, at, role)
       SELECT 'e/' || id, id, 'check-in', ?, 'instructor' FROM attendance`,
      [now],
    );
  });
};
