import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files (NNN-name.sql), in order. */
export const migrationFiles = (): MigrationFile[] =>
  readdirSync(migrationsDir)
    .filter((name) => /^\d{3}-[a-z0-9-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({
      version: Number(name.slice(0, 3)),
      name: name.slice(4, -4),
      sql: readFileSync(migrationsDir + name, 'utf8'),
    }));

/**
 * Applies the migrations not yet applied, each in its own transaction together with its row in
 * schema_migration. `upTo` stops early (migration tests).
 */
export const migrate = async (db: Database, upTo = Number.POSITIVE_INFINITY): Promise<number[]> => {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migration')).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const file of migrationFiles()) {
    if (file.version > upTo || done.has(file.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(file.sql);
      await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [
        file.version,
        file.name,
      ]);
    });
    applied.push(file.version);
  }
  return applied;
};
