import { afterEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../main/db/migrate';
import type { SqliteConnection } from '../../../../main/db/sqlite';
import { databaseAt, now, tableNames } from './helpers';

describe('migration 001 people', () => {
  let db: SqliteConnection;
  afterEach(() => db?.close());

  it('creates people and consents at user_version 1 and nothing else', async () => {
    db = await databaseAt(1);
    expect(await schemaVersion(db)).toBe(1);
    expect(await tableNames(db)).toEqual(['consents', 'people']);
  });

  it('refuses unknown person types and sexes, and removes consents with the person', async () => {
    db = await databaseAt(1);
    const insert = (id: string, type: string, sex: string | null) =>
      db.run(
        `INSERT INTO people (id, display_name, search_key, type, birth_year, sex, centre, created_at, updated_at)
         VALUES (?, 'Ana', ' ana ', ?, 2014, ?, 'c', ?, ?)`,
        [id, type, sex, now, now],
      );
    await expect(insert('p0', 'alien', null)).rejects.toThrow(/CHECK constraint/);
    await expect(insert('p0', 'learner', 'unknown')).rejects.toThrow(/CHECK constraint/);
    await insert('p1', 'learner', 'female');
    await db.run(
      `INSERT INTO consents (id, person_id, guardian_name, relation, method, given_on, scopes, recorded_at)
       VALUES ('c1', 'p1', 'Rosa', 'mother', 'paper', '2026-01-01', '["attendance"]', ?)`,
      [now],
    );
    await expect(
      db.run(
        `INSERT INTO consents (id, person_id, guardian_name, relation, method, given_on, scopes, recorded_at)
         VALUES ('c2', 'nobody', 'Rosa', 'mother', 'paper', '2026-01-01', '[]', ?)`,
        [now],
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.run("DELETE FROM people WHERE id = 'p1'");
    expect(await db.get('SELECT COUNT(*) AS n FROM consents')).toEqual({ n: 0 });
  });
});
