import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../../../main/db/migrate';
import { openSqlite, type SqliteConnection } from '../../../../main/db/sqlite';

/** A real database file migrated up to (and including) `version`, foreign keys on like the app. */
export const databaseAt = async (version: number): Promise<SqliteConnection> => {
  const db = await openSqlite(join(mkdtempSync(join(tmpdir(), 'chispa-mig-')), 'test.sqlite'));
  await db.exec('PRAGMA foreign_keys = ON');
  await migrate(db, { upTo: version });
  return db;
};

export const tableNames = async (db: SqliteConnection): Promise<string[]> =>
  (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map(
    (row) => row.name,
  );

export const now = '2026-11-22T10:00:00.000Z';
