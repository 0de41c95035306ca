/**
 * Attendance benchmarks (docs/architecture.md, "Testing and measuring"): check-in write latency through the real service
 * (WAL, synchronous=FULL, one writer: each check-in is a committed, fsynced transaction), and
 * exporting 100,000 attendance rows as CSV and as XLSX (time and peak RSS of the exporting process).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataLayout, ensureDataLayout } from '../main/app/data-dir';
import { openAttendanceService } from '../main/attendance/attendance-service';
import { seedAttendance } from './attendance/seed';

const quiet = {
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => console.error(message),
};
const actor = { role: 'instructor' as const, connectionId: 'bench' };
const print = (name: string, value: number, unit: string) =>
  console.log(`bench: attendance.${name} = ${Number(value.toFixed(value < 10 ? 2 : 1))} ${unit}`);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const open = (root: string) => {
  const layout = ensureDataLayout(dataLayout(root));
  return openAttendanceService({
    database: layout.database,
    backups: layout.backups,
    exports: layout.exports,
    logger: quiet,
    store: { backupIntervalMs: 0 },
  });
};

const checkInLatency = async () => {
  const root = mkdtempSync(join(tmpdir(), 'chispa-bench-checkin-'));
  const service = await open(root);
  const session = await service.checkIn.createSession({
    date: '2026-11-20',
    startTime: '15:00',
    activityType: 'robotics-class',
    lessons: [],
    facilitator: 'Prof',
  });
  const people = [];
  for (let i = 0; i < 300; i += 1)
    people.push(await service.people.create({ displayName: `Persona ${i}`, type: 'teacher' }));
  const times: number[] = [];
  for (const person of people) {
    const started = performance.now();
    await service.checkIn.mark(session.id, person.id, actor);
    times.push(performance.now() - started);
  }
  // 30 people tapped as fast as possible, all in flight at once (the queue serialises them).
  const burstSession = await service.checkIn.createSession({
    date: '2026-11-21',
    startTime: '15:00',
    activityType: 'robotics-class',
    lessons: [],
    facilitator: 'Prof',
  });
  const burstStarted = performance.now();
  await Promise.all(
    people.slice(0, 30).map((person) => service.checkIn.mark(burstSession.id, person.id, actor)),
  );
  const burstMs = performance.now() - burstStarted;
  await service.close();
  rmSync(root, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  print('checkin.p50', percentile(times, 50), 'ms');
  print('checkin.p95', percentile(times, 95), 'ms');
  print('checkin.30-people-burst', burstMs, 'ms');
};

const exports100k = async () => {
  const root = mkdtempSync(join(tmpdir(), 'chispa-bench-export-'));
  const service = await open(root);
  await seedAttendance(service, 2000, 50);
  await service.close();
  const child = fileURLToPath(new URL('./attendance/export-child.ts', import.meta.url));
  for (const format of ['csv', 'xlsx'] as const) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', child, root, format], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`export ${format} failed: ${run.stderr}`);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      seconds: number;
      peakRssMb: number;
      baselineRssMb: number;
      rows: number;
      bytes: number;
    };
    if (result.rows !== 100_000) throw new Error(`expected 100000 rows, exported ${result.rows}`);
    print(`export-100k.${format}.time`, result.seconds, 's');
    print(`export-100k.${format}.peak-rss`, result.peakRssMb, 'MB');
    print(`export-100k.${format}.rss-before-export`, result.baselineRssMb, 'MB');
    print(`export-100k.${format}.size`, result.bytes / 1048576, 'MB');
  }
  rmSync(root, { recursive: true, force: true });
};

await checkInLatency();
await exports100k();
