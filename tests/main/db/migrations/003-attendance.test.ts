import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../main/db/migrate';
import type { SqliteConnection } from '../../../../main/db/sqlite';
import { databaseAt, now } from './helpers';

describe('migration 003 attendance', () => {
  let db: SqliteConnection;
  beforeEach(async () => {
    db = await databaseAt(3);
    await db.run(
      `INSERT INTO sessions (id, centre, date, start_time, activity_type, facilitator, created_at)
       VALUES ('s1', 'c', '2026-11-20', '15:00', 'robotics-class', 'Prof', ?)`,
      [now],
    );
  });
  afterEach(() => db?.close());

  const addAttendance = (id: string) =>
    db.run(
      `INSERT INTO attendance (id, centre, session_id, person_id, created_at) VALUES (?, 'c', 's1', 'p1', ?)
       ON CONFLICT DO NOTHING`,
      [id, now],
    );

  it('collapses a repeated attendance insert into one row', async () => {
    expect(await schemaVersion(db)).toBe(3);
    expect((await addAttendance('a1')).changes).toBe(1);
    expect((await addAttendance('a1')).changes).toBe(0);
    // A different id for the same (session, person) also collapses: the pair is unique too.
    expect((await addAttendance('a2')).changes).toBe(0);
    expect(await db.get('SELECT COUNT(*) AS n FROM attendance')).toEqual({ n: 1 });
  });

  it('keeps attendance events append-only and refuses edits of attendance rows', async () => {
    await addAttendance('a1');
    await db.run(
      "INSERT INTO attendance_events (id, attendance_id, kind, at, role) VALUES ('e1', 'a1', 'check-in', ?, 'admin')",
      [now],
    );
    await expect(db.run("UPDATE attendance_events SET kind = 'check-out'")).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM attendance_events')).rejects.toThrow(/append-only/);
    await expect(db.run("UPDATE attendance SET person_id = 'p2'")).rejects.toThrow(/never edited/);
    await expect(
      db.run(
        "INSERT INTO attendance_events (id, attendance_id, kind, at, role) VALUES ('e2', 'a1', 'edit', ?, 'admin')",
        [now],
      ),
    ).rejects.toThrow(/CHECK constraint/);
    await expect(
      db.run(
        "INSERT INTO attendance_events (id, attendance_id, kind, at, role) VALUES ('e3', 'zz', 'check-in', ?, 'admin')",
        [now],
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
