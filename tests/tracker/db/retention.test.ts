import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../tracker/db/migrate';
import { listPartitionMonths } from '../../../tracker/db/month-partitions';
import { maintainPartitions, retentionFromEnv } from '../../../tracker/db/retention';
import { readReachCounts } from '../../../tracker/reach/reach-counts';
import { engineTitle, skipEngine, trackerEngines } from '../helpers/engines';
import { addCentreWithDevice, syncInProcess } from '../helpers/in-process-sync';
import { testDatabases } from '../helpers/test-databases';
import { checkInItem, testPerson, testSession } from '../helpers/test-items';

const databases = testDatabases();
afterAll(() => databases.stop());

const now = new Date('2026-06-15T12:00:00Z');
const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const people = Array.from({ length: 6 }, (_, i) => testPerson('learner', i));
const sessions = months.map((month) => testSession(`${month}-10`));

describe('retention setting', () => {
  it('reads whole months from the environment, and keeps everything when unset', () => {
    expect(retentionFromEnv(undefined)).toBeNull();
    expect(retentionFromEnv(' ')).toBeNull();
    expect(retentionFromEnv('24')).toBe(24);
    expect(() => retentionFromEnv('0')).toThrow(/whole number/);
    expect(() => retentionFromEnv('1.5')).toThrow(/whole number/);
  });
});

for (const engine of trackerEngines)
  describe.skipIf(skipEngine(engine))(engineTitle(`retention on ${engine}`, engine), () => {
    it('detaches and drops the months past the period; the counts and first months stay', async () => {
      const db = await databases.open(engine);
      await migrate(db);
      const centre = { id: randomUUID(), code: 'sv-retencion', country: 'SV' };
      const device = await addCentreWithDevice(db, centre, randomUUID());
      // Everyone in January (their first month), then month by month.
      const items = sessions.flatMap((session) =>
        people.map((person) => checkInItem(centre.code, session, person)),
      );
      const answers = await syncInProcess(db, device, items, { now });
      expect(answers.every((a) => a.status === 'accepted')).toBe(true);
      const filters = { from: '2026-01', to: '2026-06' };
      const before = await readReachCounts(db, filters);

      await maintainPartitions(db, null, now);
      expect(await listPartitionMonths(db)).toEqual([...months, '2026-07', '2026-08']);
      expect(await maintainPartitions(db, 3, now)).toEqual(['2026-01', '2026-02']);
      expect(await listPartitionMonths(db)).toEqual([
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
      ]);
      const [{ oldest }] = await db.query<{ oldest: string }>(
        `SELECT to_char(min(session_date), 'YYYY-MM') AS oldest FROM attendance`,
      );
      expect(oldest).toBe('2026-03');
      const [{ events }] = await db.query<{ events: number }>(
        `SELECT count(*)::int AS events FROM attendance_event WHERE session_date < '2026-03-01'`,
      );
      expect(events).toBe(0);
      expect(await readReachCounts(db, filters)).toEqual(before);

      // A late row for a dropped month is refused; a new month for someone first reached in
      // January keeps January as their first month.
      const late = await syncInProcess(
        db,
        device,
        [checkInItem(centre.code, testSession('2026-02-20'), people[0])],
        {
          now,
          retention: 3,
        },
      );
      expect(late).toEqual([{ index: 0, status: 'invalid', reason: 'past-retention' }]);
      const again = await syncInProcess(
        db,
        device,
        [checkInItem(centre.code, testSession('2026-06-12'), people[0])],
        {
          now,
          retention: 3,
        },
      );
      expect(again[0].status).toBe('accepted');
      const after = await readReachCounts(db, filters);
      expect(after.totals).toEqual(before.totals);
      expect(after.newlyByMonth).toEqual([{ month: '2026-01', person_type: 'learner', newly: 6 }]);
    }, 600_000);
  });
