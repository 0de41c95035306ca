import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations/index';
import type { Sql } from './sqlite';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`database schema ${found} is newer than this app knows (${known})`);
  }
}

export const schemaVersion = async (db: Sql): Promise<number> =>
  (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;

/**
 * Applies pending migrations, each in its own transaction together with its user_version bump,
 * so a power cut leaves the schema at a whole step. `upTo` stops early (migration tests).
 */
export const migrate = async (
  db: Sql,
  options: { migrations?: readonly Migration[]; upTo?: number } = {},
): Promise<{ from: number; to: number }> => {
  const list = options.migrations ?? allMigrations;
  list.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(`migration ${migration.name} must be number ${index + 1}`);
  });
  const from = await schemaVersion(db);
  if (from > list.length) throw new DatabaseTooNewError(from, list.length);
  const target = Math.min(options.upTo ?? list.length, list.length);
  for (const migration of list.slice(from, target)) {
    await db.exec('BEGIN IMMEDIATE');
    try {
      await db.exec(migration.sql);
      await db.exec(`PRAGMA user_version = ${migration.version}`);
      await db.exec('COMMIT');
    } catch (error) {
      await db.exec('ROLLBACK');
      throw error;
    }
  }
  return { from, to: Math.max(from, target) };
};
