import type { Database } from '../../../tracker/db/database';
import { openDatabase } from '../../../tracker/db/open-database';
import { createCitusDatabase, startCitusCluster, type CitusCluster } from './citus-cluster';
import { createDatabase, startPostgres, type PostgresServer } from './postgres-server';
import type { TrackerEngine } from './start-test-tracker';

/**
 * Fresh databases opened in this process on any engine: PGlite in memory, a database on one
 * PostgreSQL 15 server, or one on a 3-node Citus cluster (each server started on first use).
 */
export const testDatabases = () => {
  let postgres: Promise<PostgresServer> | null = null;
  let citus: Promise<CitusCluster> | null = null;
  const opened: Database[] = [];
  let count = 0;
  return {
    open: async (engine: TrackerEngine): Promise<Database> => {
      const name = `test_${process.pid}_${++count}`;
      const location =
        engine === 'pglite'
          ? 'memory://'
          : engine === 'postgres'
            ? await createDatabase(await (postgres ??= startPostgres()), name)
            : await createCitusDatabase(await (citus ??= startCitusCluster()), name);
      const db = await openDatabase(location);
      opened.push(db);
      return db;
    },
    stop: async () => {
      await Promise.all(opened.map((db) => db.close().catch(() => undefined)));
      await Promise.all([postgres?.then((s) => s.stop()), citus?.then((c) => c.stop())]);
    },
  };
};
