/**
 * Sync of 100,000 attendance rows device → tracker (CHISPA_BENCH_SYNC_ROWS to change), end to
 * end over real HTTP on 127.0.0.1: outbox-shaped items, gzip'd batches of 500 with an
 * Idempotency-Key, answered per item, into a tracker process on PostgreSQL 15 and on PGlite, or
 * on a 3-node Citus cluster on this machine (CHISPA_BENCH_ENGINES=postgres,citus). Each figure
 * carries the machine's load average.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { maxBatchItems } from '../common/sync/sync-protocol';
import { batchesOf, sendUntilAnswered } from '../tests/tracker/helpers/retrying-sender';
import { startTestTracker, type TrackerEngine } from '../tests/tracker/helpers/start-test-tracker';
import { enrolledDevice } from '../tests/tracker/helpers/test-device';
import { manyCheckIns } from '../tests/tracker/helpers/test-items';

const rows = Number(process.env.CHISPA_BENCH_SYNC_ROWS ?? 100_000);
const label = rows >= 1000 ? `${rows / 1000}k` : String(rows);
const engines = (process.env.CHISPA_BENCH_ENGINES ?? 'postgres,pglite').split(',') as TrackerEngine[];

for (const engine of engines) {
  const tracker = await startTestTracker({ engine });
  try {
    const centre = await tracker.createCentre({ code: 'sv-bench' });
    const device = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
    const batches = batchesOf(manyCheckIns(centre, rows), maxBatchItems);
    const started = performance.now();
    const { statuses } = await sendUntilAnswered(tracker.url, device.credential, batches);
    const seconds = (performance.now() - started) / 1000;
    const accepted = statuses.flat().filter((status) => status === 'accepted').length;
    if (accepted !== rows) throw new Error(`only ${accepted} of ${rows} rows accepted`);
    const load = `(load average ${loadavg()[0].toFixed(1)})`;
    console.log(`bench: sync.${label}.${engine} = ${seconds.toFixed(1)} s ${load}`);
    console.log(`bench: sync.${label}.${engine}.rate = ${Math.round(rows / seconds)} rows/s ${load}`);
  } finally {
    await tracker.stop();
  }
}
