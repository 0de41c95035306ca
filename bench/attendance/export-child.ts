/**
 * Runs one export in a fresh process so its peak RSS is its own.
 * argv: <dataDir> <csv|xlsx>. Prints one JSON line: { seconds, peakRssMb, rows, bytes }.
 */
import { dataLayout } from '../../main/app/data-dir';
import { openAttendanceService } from '../../main/attendance/attendance-service';

const [dataDir, format] = process.argv.slice(2) as [string, 'csv' | 'xlsx'];
const layout = dataLayout(dataDir);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

const main = async () => {
  const service = await openAttendanceService({
    database: layout.database,
    backups: layout.backups,
    exports: layout.exports,
    logger: quiet,
    store: { backupIntervalMs: 0, startBackupAfterMs: Number.MAX_SAFE_INTEGER },
  });
  const baselineRssMb = process.memoryUsage().rss / 1048576;
  const started = performance.now();
  const result = await service.exports.exportAttendance(
    { format, from: '2026-01-01', to: '2026-12-31', named: true, confirmNamed: true },
    { role: 'admin', connectionId: 'bench' },
  );
  const seconds = (performance.now() - started) / 1000;
  await service.close();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({ seconds, peakRssMb, baselineRssMb, rows: result.rowCount, bytes: result.sizeBytes }),
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
