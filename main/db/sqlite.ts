/**
 * A tiny promise layer over the sqlite3 callback API. Nothing else in main/ imports sqlite3.
 */
import sqlite3 from 'sqlite3';

export type SqlValue = string | number | null | bigint | Buffer;
export type SqlParams = readonly SqlValue[] | Record<string, SqlValue>;

export interface RunResult {
  changes: number;
  lastId: number;
}

export interface Sql {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]>;
  /** Several statements, no parameters (migrations, pragmas). */
  exec(sql: string): Promise<void>;
}

export interface SqliteConnection extends Sql {
  readonly file: string;
  close(): Promise<void>;
}

export const openSqlite = (file: string, options: { readOnly?: boolean; create?: boolean } = {}) =>
  new Promise<SqliteConnection>((resolve, reject) => {
    const mode = options.readOnly
      ? sqlite3.OPEN_READONLY
      : sqlite3.OPEN_READWRITE | (options.create === false ? 0 : sqlite3.OPEN_CREATE);
    const db: sqlite3.Database = new sqlite3.Database(file, mode, (error) => {
      if (error) reject(error);
      else resolve(wrap(db, file));
    });
  });

const params = (values?: SqlParams) => (values ?? []) as unknown[];

const wrap = (db: sqlite3.Database, file: string): SqliteConnection => {
  let closed: Promise<void> | null = null;
  return {
    file,
    run: (sql, values) =>
      new Promise((resolve, reject) => {
        db.run(sql, params(values), function onRun(this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(error);
          else resolve({ changes: this.changes, lastId: this.lastID });
        });
      }),
    get: <T>(sql: string, values?: SqlParams) =>
      new Promise<T | undefined>((resolve, reject) => {
        db.get(sql, params(values), (error: Error | null, row: T | undefined) =>
          error ? reject(error) : resolve(row),
        );
      }),
    all: <T>(sql: string, values?: SqlParams) =>
      new Promise<T[]>((resolve, reject) => {
        db.all(sql, params(values), (error: Error | null, rows: T[]) =>
          error ? reject(error) : resolve(rows),
        );
      }),
    exec: (sql) =>
      new Promise((resolve, reject) => {
        db.exec(sql, (error) => (error ? reject(error) : resolve()));
      }),
    close() {
      closed ??= new Promise((resolve, reject) => {
        db.close((error) => (error ? reject(error) : resolve()));
      });
      return closed;
    },
  };
};

/** SQLITE_CORRUPT / SQLITE_NOTADB: the file is damaged or not a database at all. */
export const isCorruptionError = (error: unknown): boolean => {
  const code = (error as { code?: string } | null)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  return (
    /SQLITE_(CORRUPT|NOTADB)/.test(code) || /SQLITE_(CORRUPT|NOTADB)|malformed|not a database/i.test(message)
  );
};
