/**
 * Erasure that reaches every copy in the data folder, not only the live table:
 * - the id is written to an erasure journal (a file outside the database) before anything else,
 *   so the erasure survives a crash half way and is re-applied to any database that comes back:
 *   a restored backup, or a copy put in place by hand (checked at every start too);
 * - after the delete the WAL is checkpointed and truncated at once (secure_delete zeroes the
 *   pages in the main file), so the old rows do not wait in the -wal file for a clean shutdown;
 * - every backup and every database kept aside in the data folder gets the same delete;
 * - named exports (files with names in them) are removed: the admin already has them.
 * Journal entries are pseudonymous ids, never names.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../app/atomic-write';
import type { Logger } from '../app/logger';
import { openSqlite, type Sql } from '../db/sqlite';
import type { AttendanceStore } from './attendance-store';

export interface ErasureOptions {
  store: AttendanceStore;
  /** The folder that holds the database and the files kept aside next to it. */
  dataDir: string;
  databaseFile: string;
  backupsDir: string;
  exportsDir: string;
  journalFile: string;
  logger: Logger;
}

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

/** Deletes the people (consents and attendance cascade) inside the caller's transaction. */
export const deletePeople = async (tx: Sql, ids: string[]): Promise<number> => {
  let changes = 0;
  for (const part of chunk(ids, 200)) {
    const result = await tx.run(`DELETE FROM people WHERE id IN (${part.map(() => '?').join(',')})`, part);
    changes += result.changes;
  }
  return changes;
};

export const isNamedExport = (name: string): boolean => name.includes('-con-nombres-');

export const createErasure = (options: ErasureOptions) => {
  const { logger } = options;
  const journal = (): string[] => {
    if (!existsSync(options.journalFile)) return [];
    const parsed = JSON.parse(readFileSync(options.journalFile, 'utf8')) as unknown;
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  };

  /** Same delete in another SQLite file (a backup or a copy kept aside); a damaged one is logged. */
  const scrubFile = async (path: string, ids: string[]): Promise<void> => {
    try {
      const db = await openSqlite(path, { create: false });
      try {
        await db.exec('PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
        await db.exec('BEGIN IMMEDIATE');
        const changes = await deletePeople(db, ids).catch(async (error: unknown) => {
          await db.exec('ROLLBACK');
          throw error;
        });
        await db.exec('COMMIT');
        if (changes > 0) await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      } finally {
        await db.close();
      }
    } catch (error) {
      logger.warn(`could not apply erasures to ${path}`, error);
    }
  };

  const otherDatabaseFiles = (): string[] => {
    const backups = existsSync(options.backupsDir)
      ? readdirSync(options.backupsDir)
          .filter((name) => name.endsWith('.sqlite'))
          .map((name) => join(options.backupsDir, name))
      : [];
    const base = `${options.databaseFile}.`;
    const aside = readdirSync(options.dataDir)
      .map((name) => join(options.dataDir, name))
      .filter((path) => path.startsWith(base) && /\.(damaged|replaced)-[^.]+$/.test(path));
    return [...backups, ...aside];
  };

  const removeNamedExports = () => {
    if (!existsSync(options.exportsDir)) return;
    for (const name of readdirSync(options.exportsDir)) {
      if (isNamedExport(name)) rmSync(join(options.exportsDir, name), { force: true });
    }
  };

  /** Applies the journal to the live database (+ WAL truncate) and to every other copy. */
  const applyEverywhere = async (ids: string[]): Promise<void> => {
    if (ids.length === 0) return;
    if (options.store.state() === 'ok') {
      const db = options.store.db();
      await db.write((tx) => deletePeople(tx, ids));
      await db.exclusive((writer) => writer.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
    }
    for (const path of otherDatabaseFiles()) await scrubFile(path, ids);
  };

  return {
    /** Records the erasure, runs `erase` (the live delete), then reaches every other copy. */
    async erase<T>(id: string, erase: () => Promise<T>): Promise<T> {
      const ids = journal();
      if (!ids.includes(id)) writeFileAtomic(options.journalFile, JSON.stringify([...ids, id]));
      const result = await erase();
      await applyEverywhere([id]);
      removeNamedExports();
      return result;
    },
    /** After a restore and at start: erased people stay erased. */
    reapply: () => applyEverywhere(journal()),
  };
};

export type Erasure = ReturnType<typeof createErasure>;
