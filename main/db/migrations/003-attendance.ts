import type { Migration } from '../migration';

/**
 * Attendance. attendance.id is derived from (centre, session, person), so a double tap or a
 * second device inserts the same id and collapses (INSERT ... ON CONFLICT DO NOTHING).
 * attendance_events is append-only: corrections are new 'check-out' events; triggers refuse
 * UPDATE and DELETE. person_id has no foreign key on purpose: erasing a person removes their
 * personal data and the attendance keeps only the UUID.
 */
export const migration003Attendance: Migration = {
  version: 3,
  name: 'attendance',
  sql: `
    CREATE TABLE attendance (
      id TEXT PRIMARY KEY,
      centre TEXT NOT NULL,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      person_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (session_id, person_id)
    ) STRICT;
    CREATE INDEX attendance_by_person ON attendance (person_id);
    CREATE TABLE attendance_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      attendance_id TEXT NOT NULL REFERENCES attendance (id),
      kind TEXT NOT NULL CHECK (kind IN ('check-in', 'check-out')),
      at TEXT NOT NULL,
      role TEXT NOT NULL
    ) STRICT;
    CREATE INDEX attendance_events_by_attendance ON attendance_events (attendance_id, seq);
    CREATE TRIGGER attendance_no_update BEFORE UPDATE ON attendance
      BEGIN SELECT RAISE(ABORT, 'attendance rows are never edited'); END;
    CREATE TRIGGER attendance_events_no_update BEFORE UPDATE ON attendance_events
      BEGIN SELECT RAISE(ABORT, 'attendance events are append-only'); END;
    CREATE TRIGGER attendance_events_no_delete BEFORE DELETE ON attendance_events
      BEGIN SELECT RAISE(ABORT, 'attendance events are append-only'); END;
  `,
};
