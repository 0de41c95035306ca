import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTitle, skipEngine, trackerEngines } from './helpers/engines';
import { startTestTracker, type TestTracker } from './helpers/start-test-tracker';
import { checkInItem, sessionItem, testPerson, testSession } from './helpers/test-items';
import { enrolledDevice } from './helpers/test-device';

for (const engine of trackerEngines)
  describe.skipIf(skipEngine(engine))(engineTitle(`sync protocol on ${engine}`, engine), () => {
    let tracker: TestTracker;
    let centre: string;

    beforeAll(async () => {
      tracker = await startTestTracker({ engine });
      centre = await tracker.createCentre({ code: 'sv-ilobasco' });
    }, 240_000);
    afterAll(() => tracker?.stop());

    it('answers each item: accepted, then duplicate on a resend, conflict and invalid with reasons', async () => {
      const device = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
      expect(device.centre.code).toBe(centre);
      const session = testSession('2026-03-02');
      const ana = testPerson('learner');
      const checkIn = checkInItem(centre, session, ana);
      const changed = { ...checkIn, payload: { ...checkIn.payload, ageBand: '15-17' as const } };
      const named = {
        ...checkIn,
        payload: { ...checkIn.payload, eventId: crypto.randomUUID(), displayName: 'Ana' },
      };
      const noConsent = checkInItem(centre, session, testPerson('learner'));
      noConsent.payload.consentState = 'missing';
      const otherCentre = checkInItem('sv-otro', session, testPerson('teacher'));

      const first = await device.send([sessionItem(centre, session), checkIn, named, noConsent, otherCentre]);
      expect(first.status).toBe(200);
      expect(Date.parse(first.body.serverTime)).not.toBeNaN();
      expect(first.body.results).toEqual([
        { index: 0, status: 'accepted' },
        { index: 1, status: 'accepted' },
        { index: 2, status: 'invalid', reason: 'unexpected-field' },
        { index: 3, status: 'invalid', reason: 'no-consent' },
        { index: 4, status: 'invalid', reason: 'wrong-centre' },
      ]);

      const again = await device.send([sessionItem(centre, session), checkIn, changed]);
      expect(again.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'conflict']);
    });

    it('replays the stored answer for a repeated Idempotency-Key and refuses the key with another body', async () => {
      const device = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
      const session = testSession('2026-03-03');
      const items = [checkInItem(centre, session, testPerson('teacher'))];
      const first = await device.send(items, 'batch-key-0001');
      const replay = await device.send(items, 'batch-key-0001');
      expect(replay.body.results).toEqual(first.body.results);
      expect(first.body.results[0].status).toBe('accepted');
      const other = await device.send(
        [checkInItem(centre, session, testPerson('teacher'))],
        'batch-key-0001',
      );
      expect(other.status).toBe(422);
      expect(other.body.error?.code).toBe('idempotency-key-reused');
    });

    it('refuses a batch over 500 items whole, and a request without a credential', async () => {
      const device = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
      const session = testSession('2026-03-04');
      const person = testPerson('caregiver');
      const tooMany = Array.from({ length: 501 }, () => checkInItem(centre, session, person));
      const answer = await device.send(tooMany);
      expect(answer.status).toBe(413);
      expect(answer.body.error?.code).toBe('batch-too-large');
      const anonymous = await fetch(`${tracker.url}/api/v1/sync`, { method: 'POST', body: '{}' });
      expect(anonymous.status).toBe(401);
    });

    it('makes one attendance row when two devices of a centre check in the same child for the same session', async () => {
      const first = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
      const second = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
      const session = testSession('2025-06-07', 'coding-class');
      const children = Array.from({ length: 6 }, (_, i) => testPerson('learner', i));
      const a = await first.send(
        children.map((c) => checkInItem(centre, session, c, { at: '2025-06-07T14:00:00.000Z' })),
      );
      const b = await second.send(
        children.map((c) => checkInItem(centre, session, c, { at: '2025-06-07T14:01:00.000Z' })),
      );
      expect([...a.body.results, ...b.body.results].every((r) => r.status === 'accepted')).toBe(true);
      const report = await tracker.admin<{
        byMonth: { month: string; personType: string; reached: number | null }[];
        sessionsByActivity: { activityType: string; sessions: number | null }[];
      }>('GET', '/api/v1/reach?from=2025-06&to=2025-06');
      expect(report.byMonth.find((m) => m.personType === 'learner')?.reached).toBe(6);
    });

    it('refuses a revoked device at its next contact with device-revoked', async () => {
      const device = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
      await tracker.revokeDevice(device.deviceId);
      const answer = await device.send([
        checkInItem(centre, testSession('2026-03-05'), testPerson('teacher')),
      ]);
      expect(answer.status).toBe(403);
      expect(answer.body.error?.code).toBe('device-revoked');
      const whoami = await fetch(`${tracker.url}/api/v1/device`, {
        headers: { authorization: `Bearer ${device.credential}` },
      });
      expect(whoami.status).toBe(403);
    });
  });
