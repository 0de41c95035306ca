import { afterEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../main/db/migrate';
import type { SqliteConnection } from '../../../../main/db/sqlite';
import { databaseAt, now, tableNames } from './helpers';

describe('migration 002 sessions', () => {
  let db: SqliteConnection;
  afterEach(() => db?.close());

  it('adds sessions with a checked activity type and JSON lessons', async () => {
    db = await databaseAt(2);
    expect(await schemaVersion(db)).toBe(2);
    expect(await tableNames(db)).toEqual(['consents', 'people', 'sessions']);
    const insert = (id: string, activity: string, lessons: string) =>
      db.run(
        `INSERT INTO sessions (id, centre, date, start_time, activity_type, lessons, facilitator, created_at)
         VALUES (?, 'c', '2026-11-20', '15:00', ?, ?, 'Prof', ?)`,
        [id, activity, lessons, now],
      );
    await insert('s1', 'robotics-class', '["Semáforo"]');
    await expect(insert('s2', 'party', '[]')).rejects.toThrow(/CHECK constraint/);
    await expect(insert('s3', 'coding-class', 'not json')).rejects.toThrow(/CHECK constraint/);
    expect(await db.get('SELECT lessons FROM sessions')).toEqual({ lessons: '["Semáforo"]' });
  });
});
