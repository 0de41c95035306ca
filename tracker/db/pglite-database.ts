import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, one connection in this process.
 * Everything goes through one queue so a query can never run inside another caller's
 * transaction on the shared connection.
 */
export const openPgliteDatabase = async (dataDir: string | undefined): Promise<Database> => {
  const pg = await PGlite.create(dataDir);
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const direct: Queryable = {
    query: async <Row>(sql: string, params: unknown[] = []) => (await pg.query<Row>(sql, params)).rows,
    exec: async (sql: string) => void (await pg.exec(sql)),
  };
  return {
    engine: 'pglite',
    query: (sql, params) => exclusive(() => direct.query(sql, params)),
    transaction: (work) =>
      exclusive(async () => {
        await pg.exec('BEGIN');
        try {
          const result = await work(direct);
          await pg.exec('COMMIT');
          return result;
        } catch (error) {
          await pg.exec('ROLLBACK');
          throw error;
        }
      }),
    exec: (sql) => exclusive(async () => void (await pg.exec(sql))),
    close: () => exclusive(() => pg.close()),
  };
};
