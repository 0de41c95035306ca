/**
 * Reach at scale (CHISPA_BENCH_REACH_ROWS, comma-separated, default 1, 3 and 10 million attendance
 * rows) on PostgreSQL 15 and on a 3-node Citus cluster on this one machine
 * (CHISPA_BENCH_ENGINES=postgres,citus). For each size: the rows and rollups are bulk-loaded
 * (bench/tracker/load-reach-rows.ts); the dashboard's whole reach report is timed 60 times (p50/p95)
 * for the programme, one country and one centre; then 5,000 check-ins for a new centre go through
 * the tracker's own sync path in batches of 500 (the time of one batch with that many rows already
 * stored, the months' partitions made ahead as the tracker does), and the counts the sync wrote must equal the bulk load's definitions for that centre.
 * Each figure is printed with the load average of the machine at that moment. Citus gets
 * CHISPA_BENCH_CITUS_SHARDS shards (default 8: a few times the 2 cores its workers share here, the
 * rule in docs/tracker-operations.md; Citus's own default, 32, suits a cluster with more cores).
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Database } from '../tracker/db/database';
import { migrate } from '../tracker/db/migrate';
import { ensureMonthPartitions } from '../tracker/db/month-partitions';
import { openDatabase } from '../tracker/db/open-database';
import { reachReport } from '../tracker/reach/reach-report';
import { syncBatch } from '../tracker/sync/sync-batch';
import { createCitusDatabase, startCitusCluster } from '../tests/tracker/helpers/citus-cluster';
import { addCentreWithDevice } from '../tests/tracker/helpers/in-process-sync';
import { createDatabase, startPostgres } from '../tests/tracker/helpers/postgres-server';
import { manyCheckIns } from '../tests/tracker/helpers/test-items';
import { countDefinitions, countSelect, loadReachRows } from './tracker/load-reach-rows';

const sizes = (process.env.CHISPA_BENCH_REACH_ROWS ?? '1000000,3000000,10000000').split(',').map(Number);
const engines = (process.env.CHISPA_BENCH_ENGINES ?? 'postgres,citus').split(',');
const citusShards = Number(process.env.CHISPA_BENCH_CITUS_SHARDS ?? 8);
const load = () => `(load average ${loadavg()[0].toFixed(1)})`;

type Server = { url: string; stop(): Promise<void> };
const startEngine = async (engine: string, name: string): Promise<Server> => {
  if (engine === 'citus') {
    const cluster = await startCitusCluster({ shardCount: citusShards });
    return { url: await createCitusDatabase(cluster, name), stop: cluster.stop };
  }
  const server = await startPostgres(['shared_buffers=256MB', 'work_mem=32MB', 'max_wal_size=4GB']);
  return { url: await createDatabase(server, name), stop: server.stop };
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const timeReach = async (db: Database, name: string) => {
  const filters = [
    { from: '2025-01', to: '2025-12' },
    { from: '2025-01', to: '2025-12', country: 'GT' },
    { from: '2025-03', to: '2025-08', centre: 'centro-17' },
  ];
  const times: number[] = [];
  for (let run = 0; run < 60; run += 1) {
    const started = performance.now();
    await reachReport(db, filters[run % filters.length]);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`bench: reach.${name}.p50 = ${percentile(times, 50).toFixed(0)} ms ${load()}`);
  console.log(`bench: reach.${name}.p95 = ${percentile(times, 95).toFixed(0)} ms ${load()}`);
};

/** Sync batches into the loaded tracker; the counts they wrote must match the bulk definitions. */
const timeSyncBatches = async (db: Database, name: string) => {
  const centre = { id: randomUUID(), code: 'sv-bench-sync', country: 'SV' };
  const device = await addCentreWithDevice(db, centre, randomUUID());
  const items = manyCheckIns(centre.code, 5000);
  // The tracker makes each month's partitions ahead of time (at start and every 6 hours); here
  // the check-ins span nine months, so make theirs first or most batches would time the DDL.
  await ensureMonthPartitions(db, [...new Set(items.map((item) => item.payload.sessionDate.slice(0, 7)))]);
  const times: number[] = [];
  for (let start = 0; start < items.length; start += 500) {
    const started = performance.now();
    const outcome = await syncBatch(db, device, randomUUID(), items.slice(start, start + 500));
    times.push(performance.now() - started);
    if (outcome.kind !== 'answered' || outcome.results.some((r) => r.status !== 'accepted'))
      throw new Error('a bench batch was not accepted');
  }
  times.sort((a, b) => a - b);
  console.log(
    `bench: sync-batch.${name}.p50 = ${percentile(times, 50).toFixed(0)} ms per 500 rows ${load()}`,
  );
  for (const [table, { keys }] of Object.entries(countDefinitions)) {
    const order = `ORDER BY ${keys}`;
    const written = await db.query(
      `SELECT centre_id, ${keys}, people FROM ${table} WHERE centre_id = $1 AND people <> 0 ${order}`,
      [centre.id],
    );
    const defined = await db.query(
      `${countSelect(table as keyof typeof countDefinitions, 'WHERE centre_id = $1')} ORDER BY 2, 3, 4`,
      [centre.id],
    );
    const values = (list: object[]) => JSON.stringify(list.map((row) => Object.values(row)));
    if (written.length === 0 || values(written) !== values(defined))
      throw new Error(`${table}: the sync's counts differ from the bulk load's definition`);
  }
};

for (const engine of engines)
  for (const rows of sizes) {
    const label = rows >= 1_000_000 ? `${rows / 1_000_000}M` : `${rows / 1000}k`;
    const server = await startEngine(engine, 'reach_bench');
    try {
      const db = await openDatabase(server.url);
      await migrate(db);
      const loadStarted = performance.now();
      const { people } = await loadReachRows(db, rows);
      const seconds = (performance.now() - loadStarted) / 1000;
      const [{ count }] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM attendance');
      const counted = await db.query<{ table: string; rows: number }>(
        Object.keys(countDefinitions)
          .map((table) => `SELECT '${table}' AS table, count(*)::int AS rows FROM ${table}`)
          .join(' UNION ALL '),
      );
      const shards = engine === 'citus' ? ` on ${citusShards} shards` : '';
      console.log(`# ${count} attendance rows, ${people} people${shards} ${load()}`);
      console.log(
        `# count tables the report reads: ${counted.map((c) => `${c.table} ${c.rows}`).join(', ')}`,
      );
      console.log(`bench: load.${label}.${engine} = ${seconds.toFixed(0)} s ${load()}`);
      await timeReach(db, `${label}.${engine}`);
      await timeSyncBatches(db, `${label}.${engine}`);
      await db.close();
    } finally {
      await server.stop();
    }
  }
