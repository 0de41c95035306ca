import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../tracker/db/database';
import { migrate } from '../../../tracker/db/migrate';
import { openDatabase } from '../../../tracker/db/open-database';
import { openPostgresDatabase } from '../../../tracker/db/postgres-database';
import { reachReport } from '../../../tracker/reach/reach-report';
import { createCitusDatabase, startCitusCluster, type CitusCluster } from '../helpers/citus-cluster';
import { citusSkipReason } from '../helpers/engines';
import { addCentreWithDevice, syncInProcess } from '../helpers/in-process-sync';
import { manyCheckIns } from '../helpers/test-items';

const filters = [
  { from: '2026-01', to: '2026-12' },
  { from: '2026-01', to: '2026-12', country: 'SV' },
];

/** Sessions the worker's database has seen end or begin (PostgreSQL 14+ counts every one). */
const workerSessions = async (url: string): Promise<number> => {
  const db = await openPostgresDatabase(url);
  try {
    const [row] = await db.query<{ sessions: number }>(
      `SELECT pg_stat_clear_snapshot(), (SELECT sessions::int FROM pg_stat_database
         WHERE datname = current_database()) AS sessions`,
    );
    return row.sessions;
  } finally {
    await db.close();
  }
};

/**
 * The dashboard's report runs its queries side by side; on Citus each multi-shard query could
 * open many connections per worker and close them again, a new worker process per shard task on
 * every report. The tracker's sessions keep one connection per worker, reused from report to report.
 */
describe.skipIf(citusSkipReason !== null)(
  citusSkipReason ? `reach on Citus (skipped: ${citusSkipReason})` : 'reach on Citus',
  () => {
    let cluster: CitusCluster;
    let db: Database;
    afterAll(async () => {
      await db?.close();
      await cluster?.stop();
    });

    it('reuses its worker connections from report to report (32 shards, like Citus by default)', async () => {
      cluster = await startCitusCluster({ shardCount: 32 });
      const url = await createCitusDatabase(cluster, 'reach_connections');
      db = await openDatabase(url);
      await migrate(db);
      const centre = { id: randomUUID(), code: 'sv-centro', country: 'SV' };
      const device = await addCentreWithDevice(db, centre, randomUUID());
      await syncInProcess(db, device, manyCheckIns(centre.code, 100));
      const workerUrls = cluster.workers.map((worker) =>
        url.replace(`:${cluster.coordinator.port}/`, `:${worker.port}/`),
      );
      // The pool's eight connections each reach both workers once.
      for (let round = 0; round < 4; round += 1) await Promise.all(filters.map((f) => reachReport(db, f)));
      const before = await Promise.all(workerUrls.map(workerSessions));
      for (let round = 0; round < 10; round += 1) {
        const [all] = await Promise.all(filters.map((f) => reachReport(db, f)));
        expect(all.totals.find((t) => t.personType === 'learner')?.reached).toBeGreaterThan(0);
      }
      const after = await Promise.all(workerUrls.map(workerSessions));
      // Our own look is a session or two (when PostgreSQL counts it); without the tracker's
      // setting every report forked dozens.
      for (const [i, count] of after.entries()) expect(count - before[i]).toBeLessThanOrEqual(2);
    });
  },
);
