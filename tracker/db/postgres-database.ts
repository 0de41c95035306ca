import pg from 'pg';
import type { Database, Queryable } from './database';

/** Production: a PostgreSQL server through a node-postgres pool. */
export const openPostgresDatabase = async (connectionString: string): Promise<Database> => {
  // On a Citus coordinator a multi-shard query may open up to 16 connections per worker and keeps
  // only one afterwards (citus.max_cached_conns_per_worker): the reach report's queries, run side
  // by side on this pool, forked a new worker backend per shard on every report (215/495 ms
  // p50/p95 with 32 shards, 73/149 ms with one connection per worker). Plain PostgreSQL keeps the
  // setting as an unused placeholder. An `options` parameter in the URL replaces this one.
  const options = '-c citus.max_adaptive_executor_pool_size=1';
  const pool = new pg.Pool({ connectionString, max: 8, options });
  // A server restart or a killed backend must not crash the tracker; the next query reconnects.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  return {
    engine: 'postgres',
    query: async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[],
    transaction: async (work) => {
      const client = await pool.connect();
      const tx: Queryable = {
        query: async <Row>(sql: string, params: unknown[] = []) =>
          (await client.query(sql, params)).rows as Row[],
        exec: async (sql: string) => void (await client.query(sql)),
      };
      try {
        await client.query('BEGIN');
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => void (await pool.query(sql)),
    close: () => pool.end(),
  };
};
