import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import type { SyncStatus } from '../../../common/ipc/contract-sync';
import { startFaultProxy, type Fault, type FaultProxy } from '../../tracker/helpers/fault-proxy';
import { startTestTracker, type TestTracker } from '../../tracker/helpers/start-test-tracker';
import { removeLayout, tempLayout } from '../attendance/helpers';
import {
  checkInTeachers,
  deviceEventIds,
  deviceSync,
  eventIdsDigest,
  newSession,
  openService,
  trackerStats,
} from './helpers';

const child = fileURLToPath(new URL('./fixtures/sync-child.ts', import.meta.url));

/** Power cuts and a bad network between the app and a real tracker: nothing lost, nothing twice. */
describe('sync under faults', () => {
  let tracker: TestTracker;
  let layout: DataLayout;
  let service: AttendanceService | null = null;
  let proxy: FaultProxy | null = null;
  let stopSync: (() => Promise<void>) | null = null;
  /** Every event id the devices of this file hold: the one tracker must end with exactly these. */
  const onTracker: string[] = [];
  beforeAll(async () => {
    tracker = await startTestTracker({ engine: 'pglite' });
  }, 240_000);
  afterAll(() => tracker?.stop());
  afterEach(async () => {
    await stopSync?.();
    stopSync = null;
    await proxy?.close();
    proxy = null;
    await service?.close();
    service = null;
    removeLayout(layout);
  });

  const deviceWithTeachers = async (count: number) => {
    layout = tempLayout();
    service = await openService(layout);
    const session = await newSession(service);
    const teachers = await checkInTeachers(service, session.id, count);
    return { service, teachers };
  };

  it('resumes at the first unanswered batch after the device is SIGKILLed mid-sync', async () => {
    const { service: device, teachers } = await deviceWithTeachers(700);
    const rows = 1 + 2 * teachers.length;
    const sync = deviceSync(layout, device);
    await sync.enrol(tracker.url, await tracker.issueEnrolmentCode(await tracker.createCentre()));
    await device.close();
    service = null;

    const proc = spawn(process.execPath, ['--import', 'tsx', child, layout.root], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let out = '';
    proc.stderr.on('data', (chunk) => (stderr += chunk));
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('acked 1') && !proc.killed) proc.kill('SIGKILL');
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      proc.on('exit', (_code, sig) => resolve(sig)),
    );
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    expect(out).not.toContain('done');
    const midway = await trackerStats(tracker);
    expect(midway.attendanceEvents).toBeLessThan(onTracker.length + teachers.length);

    service = await openService(layout);
    const resumed = deviceSync(layout, service);
    const round = await resumed.runRound();
    expect(round.ok).toBe(true);
    const stats = await trackerStats(tracker);
    const deviceIds = await deviceEventIds(service, teachers);
    expect(deviceIds).toHaveLength(teachers.length);
    onTracker.push(...deviceIds);
    expect(stats.attendanceEvents).toBe(onTracker.length);
    expect(stats.eventIdsDigest).toBe(eventIdsDigest(onTracker));
    expect((await resumed.status()).counts).toMatchObject({
      pending: 0,
      sent: rows,
      invalid: 0,
      conflict: 0,
    });
    // The batch in flight at the kill was sent again under its key, not made again.
    const batches = await service.store
      .db()
      .read.all<{ n: number; open: number }>(
        'SELECT COUNT(*) AS n, SUM(acked_at IS NULL) AS open FROM sync_batches',
      );
    expect(batches).toEqual([{ n: Math.ceil(rows / 500), open: 0 }]);
  }, 300_000);

  it('backs off through HTTP 500s and dropped connections, then completes exactly once', async () => {
    const { service: device, teachers } = await deviceWithTeachers(400);
    const rows = 1 + 2 * teachers.length;
    // Request 0 is the enrolment; then every kind of fault before the tracker is reached cleanly.
    const faults: Fault[] = [
      'pass',
      'http-500',
      'drop-before-forward',
      'drop-after-forward',
      'pass',
      'http-500',
    ];
    proxy = await startFaultProxy(tracker.url, (n) => faults[n] ?? 'pass');
    const sync = deviceSync(layout, device, {
      intervalMs: 60_000,
      backoff: { baseMs: 20, capMs: 300 },
    });
    stopSync = sync.dispose;
    await sync.enrol(proxy.url, await tracker.issueEnrolmentCode(await tracker.createCentre()));
    const first = await sync.runRound();
    expect(first).toMatchObject({ ok: false, error: { code: 'sync.server-error' } });
    const failing = await sync.status();
    // The automatic retry may already be under way; the reason stays until an attempt works.
    expect(['failing', 'running']).toContain(failing.state);
    expect(failing.lastError?.messageKey).toBe('sync.error.server-error');

    // The automatic retries (capped exponential backoff, full jitter) carry on by themselves.
    const seen = new Set<string>();
    let status: SyncStatus = failing;
    for (let i = 0; i < 600 && !(status.state === 'ok' && status.counts.pending === 0); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await sync.status();
      seen.add(status.lastError?.code ?? status.state);
    }
    expect(status).toMatchObject({ state: 'ok', lastError: null });
    expect(status.counts).toMatchObject({ pending: 0, sent: rows });
    expect(seen).toContain('sync.unreachable');
    expect(proxy.log.slice(0, faults.length)).toEqual(faults);
    onTracker.push(...(await deviceEventIds(device, teachers)));
    const stats = await trackerStats(tracker);
    expect(stats.attendanceEvents).toBe(onTracker.length);
    expect(stats.eventIdsDigest).toBe(eventIdsDigest(onTracker));
  }, 300_000);
});
