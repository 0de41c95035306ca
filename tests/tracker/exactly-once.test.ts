import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchesOf, sendUntilAnswered } from './helpers/retrying-sender';
import { startFaultProxy, type Fault } from './helpers/fault-proxy';
import { engineTitle, skipEngine, trackerEngines } from './helpers/engines';
import { startTestTracker, type TestTracker } from './helpers/start-test-tracker';
import { manyCheckIns } from './helpers/test-items';
import { enrolledDevice } from './helpers/test-device';

const rowCount = 10_000;

interface Stats {
  attendanceEvents: number;
  attendanceRows: number;
  conflicts: number;
  peopleReached: number;
  eventIdsDigest: string;
}

const digestOf = (ids: string[]) =>
  createHash('md5')
    .update(
      [...ids]
        .map((id) => id.toLowerCase())
        .sort()
        .join(','),
    )
    .digest('hex');

/** A fixed pattern of faults: every kind shows up several times, most requests pass. */
const faultFor = (n: number): Fault =>
  (['pass', 'http-500', 'pass', 'drop-after-forward', 'pass', 'drop-before-forward', 'pass'] as const)[n % 7];

for (const engine of trackerEngines)
  describe.skipIf(skipEngine(engine))(engineTitle(`exactly once on ${engine}`, engine), () => {
    let tracker: TestTracker;
    let centre: string;

    beforeAll(async () => {
      tracker = await startTestTracker({ engine });
      centre = await tracker.createCentre({ code: 'sv-exacto' });
    }, 240_000);
    afterAll(() => tracker?.stop());

    it('ends with exactly the 10,000 rows sent through duplicated batches, injected faults and a SIGKILLed tracker', async () => {
      const device = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
      const items = manyCheckIns(centre, rowCount);
      const eventIds = items.map((item) => item.payload.eventId);

      let restart: Promise<void> | null = null;
      const proxy = await startFaultProxy(tracker.url, faultFor, (n) => {
        // Kill the tracker the moment a request (from the 9th on) reaches it: mid-batch, mid-transaction.
        if (n >= 8 && !restart) restart = tracker.killAndRestart();
      });
      try {
        // Every row goes out twice: in batches of 500, then re-cut in batches of 317 with new keys,
        // then the first pass once more with its old keys (a device that lost its progress).
        const firstPass = batchesOf(items, 500);
        const secondPass = batchesOf(items, 317);
        const one = await sendUntilAnswered(proxy.url, device.credential, firstPass);
        const two = await sendUntilAnswered(proxy.url, device.credential, secondPass);
        const three = await sendUntilAnswered(proxy.url, device.credential, firstPass);
        expect(restart).not.toBeNull();
        await restart;

        expect(proxy.log).toContain('http-500');
        expect(proxy.log).toContain('drop-after-forward');
        expect(proxy.log).toContain('drop-before-forward');
        for (const pass of [one, two, three])
          for (const statuses of pass.statuses)
            for (const status of statuses) expect(['accepted', 'duplicate']).toContain(status);
        expect(one.statuses.flat().length + two.statuses.flat().length + three.statuses.flat().length).toBe(
          3 * rowCount,
        );
        expect(two.statuses.flat().every((s) => s === 'duplicate')).toBe(true);

        const stats = await tracker.admin<Stats>('GET', '/api/v1/admin/stats');
        expect(stats.attendanceEvents).toBe(rowCount);
        expect(stats.attendanceRows).toBe(rowCount);
        expect(stats.conflicts).toBe(0);
        expect(stats.peopleReached).toBe(rowCount / 10);
        expect(stats.eventIdsDigest).toBe(digestOf(eventIds));
      } finally {
        await proxy.close();
      }
    }, 900_000);
  });
