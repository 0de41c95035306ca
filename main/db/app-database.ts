/**
 * Opens the attendance database the safe way: check before touching, then WAL +
 * synchronous=FULL + foreign keys, then migrations. A damaged file is reported, never written to
 * or replaced here (restoring a backup is a separate, explicit step: restore-backup.ts).
 */
import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import { privateFileMode } from '../app/atomic-write';
import { isDiskFull, storageErrorFrom } from '../app/storage-error';
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

export interface OpenOptions {
  /**
   * Called when a query finds the file damaged while the app runs (SQLITE_CORRUPT/NOTADB); may
   * return the error to throw instead of the raw one.
   */
  onCorruption?: (error: unknown) => unknown;
}

/** Wraps a connection so that a corruption error met by any query is reported once noticed. */
const watchCorruption = (sql: Sql, onCorruption: (error: unknown) => unknown): Sql => {
  const guard =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await method(...args);
      } catch (error) {
        throw isCorruptionError(error) ? (onCorruption(error) ?? error) : error;
      }
    };
  return {
    run: guard(sql.run.bind(sql)),
    get: guard(sql.get.bind(sql)) as Sql['get'],
    all: guard(sql.all.bind(sql)) as Sql['all'],
    exec: guard(sql.exec.bind(sql)),
  };
};

export const openAppDatabase = async (file: string, options: OpenOptions = {}): Promise<OpenResult> => {
  const existed = existsSync(file) && statSync(file).size > 0;
  let writer: SqliteConnection | null = null;
  try {
    if (existed) {
      // Checked through a read-only connection: closing it never checkpoints a WAL into a
      // damaged file, so a bad file stays byte-for-byte as found.
      const checker = await openSqlite(file, { readOnly: true });
      const integrity = await checkIntegrity(checker).finally(() => checker.close());
      if (!integrity.ok) return { state: 'corrupt', detail: integrity.detail };
    }
    // Private to the user; SQLite gives the -wal and -shm files the same mode as this one.
    if (existsSync(file)) chmodSync(file, privateFileMode);
    else closeSync(openSync(file, 'a', privateFileMode));
    writer = await openSqlite(file);
    await writer.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
    // Erased personal data is overwritten with zeros, not just unlinked.
    await writer.exec('PRAGMA secure_delete = ON;');
    await writer.exec('PRAGMA busy_timeout = 5000;');
    await migrate(writer);
    const reader = await openSqlite(file, { create: false });
    await reader.exec('PRAGMA query_only = 1; PRAGMA busy_timeout = 5000;');
    return {
      state: 'ok',
      db: wrapAppDatabase(file, writer, reader, options.onCorruption ?? ((error) => error)),
    };
  } catch (error) {
    await writer?.close().catch(() => undefined);
    if (isCorruptionError(error)) return { state: 'corrupt', detail: (error as Error).message };
    return { state: 'unavailable', detail: error instanceof Error ? error.message : String(error) };
  }
};

const wrapAppDatabase = (
  file: string,
  writerConnection: SqliteConnection,
  readerConnection: SqliteConnection,
  onCorruption: (error: unknown) => unknown,
): AppDatabase => {
  const queue = createWriteQueue();
  const writer = watchCorruption(writerConnection, onCorruption);
  const reader = watchCorruption(readerConnection, onCorruption);
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
          throw isDiskFull(error) ? storageErrorFrom(error) : error;
        }
      }),
    exclusive: (fn) =>
      queue.push(() =>
        fn(writer).catch((error: unknown) => {
          throw isDiskFull(error) ? storageErrorFrom(error) : error;
        }),
      ),
    close() {
      closing ??= queue.idle().then(async () => {
        await readerConnection.close();
        await writerConnection.close();
      });
      return closing;
    },
  };
};
