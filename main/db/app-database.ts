/**
 * Opens the attendance database the safe way: check before touching, then WAL +
 * synchronous=FULL + foreign keys, then migrations. A damaged file is reported, never written to
 * or replaced here (restoring a backup is a separate, explicit step: restore-backup.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { migrate } from './migrate';
import { isCorruptionError, openSqlite, type Sql, type SqliteConnection } from './sqlite';
import { createWriteQueue } from './write-queue';

export interface AppDatabase {
  readonly file: string;
  /** Reader connection: sees committed data only (WAL snapshot), never blocks the writer. */
  readonly read: Sql;
  /** Runs fn inside BEGIN IMMEDIATE … COMMIT on the single writer connection, one at a time. */
  write<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs fn on the writer outside a transaction, in the queue (VACUUM INTO backups). */
  exclusive<T>(fn: (db: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type OpenResult =
  | { state: 'ok'; db: AppDatabase }
  | { state: 'corrupt'; detail: string }
  | { state: 'unavailable'; detail: string };

/** Runs SQLite's integrity check; any error reading the file counts as corruption. */
export const checkIntegrity = async (db: Sql): Promise<{ ok: true } | { ok: false; detail: string }> => {
  try {
    const rows = await db.all<{ integrity_check: string }>('PRAGMA integrity_check(20)');
    const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
    return problems.length === 0 && rows.length > 0
      ? { ok: true }
      : { ok: false, detail: problems.join('; ') };
  } catch (error) {
    if (isCorruptionError(error)) return { ok: false, detail: (error as Error).message };
    throw error;
  }
};

export const openAppDatabase = async (file: string): Promise<OpenResult> => {
  const existed = existsSync(file) && statSync(file).size > 0;
  let writer: SqliteConnection | null = null;
  try {
    writer = await openSqlite(file);
    if (existed) {
      const integrity = await checkIntegrity(writer);
      if (!integrity.ok) {
        await writer.close().catch(() => undefined);
        return { state: 'corrupt', detail: integrity.detail };
      }
    }
    await writer.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
    // Erased personal data is overwritten with zeros, not just unlinked.
    await writer.exec('PRAGMA secure_delete = ON;');
    await writer.exec('PRAGMA busy_timeout = 5000;');
    await migrate(writer);
    const reader = await openSqlite(file, { create: false });
    await reader.exec('PRAGMA query_only = 1; PRAGMA busy_timeout = 5000;');
    return { state: 'ok', db: wrapAppDatabase(file, writer, reader) };
  } catch (error) {
    await writer?.close().catch(() => undefined);
    if (isCorruptionError(error)) return { state: 'corrupt', detail: (error as Error).message };
    return { state: 'unavailable', detail: error instanceof Error ? error.message : String(error) };
  }
};

const wrapAppDatabase = (file: string, writer: SqliteConnection, reader: SqliteConnection): AppDatabase => {
  const queue = createWriteQueue();
  let closing: Promise<void> | null = null;
  return {
    file,
    read: reader,
    write: (fn) =>
      queue.push(async () => {
        await writer.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(writer);
          await writer.exec('COMMIT');
          return result;
        } catch (error) {
          await writer.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    exclusive: (fn) => queue.push(() => fn(writer)),
    close() {
      closing ??= queue.idle().then(async () => {
        await reader.close();
        await writer.close();
      });
      return closing;
    },
  };
};
