import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { readCentre } from '../../../main/attendance/settings-repo';
import { startTestTracker, type TestTracker } from '../../tracker/helpers/start-test-tracker';
import { admin, removeLayout, tempLayout } from '../attendance/helpers';
import {
  checkInTeachers,
  deviceEventIds,
  deviceSync,
  eventIdsDigest,
  mixedPeople,
  newSession,
  openService,
  trackerStats,
} from './helpers';

/** The app's sync client against a real tracker (PGlite) over real HTTP on 127.0.0.1. */
describe('sync client against a real tracker', () => {
  let tracker: TestTracker;
  let layout: DataLayout;
  let service: AttendanceService;
  beforeAll(async () => {
    tracker = await startTestTracker({ engine: 'pglite' });
  }, 240_000);
  afterAll(() => tracker?.stop());
  afterEach(async () => {
    await service?.close();
    removeLayout(layout);
  });

  const freshDevice = async () => {
    layout = tempLayout();
    service = await openService(layout);
    return deviceSync(layout, service);
  };

  it('enrols, sends only the rows allowed to leave, and tells the truth about it', async () => {
    const sync = await freshDevice();
    const session = await newSession(service);
    const people = await mixedPeople(service);
    for (const person of Object.values(people))
      await service.checkIn.mark(session.id, person.id, admin, { confirmNoConsent: true });

    expect((await sync.status()).state).toBe('not-enrolled');
    await expect(sync.syncNow()).rejects.toMatchObject({ code: 'sync.not-enrolled' });
    const centre = await tracker.createCentre();
    const code = await tracker.issueEnrolmentCode(centre);
    const enrolled = await sync.enrol(`${tracker.url}/`, code);
    expect(enrolled.state).toBe('never-synced');
    expect(enrolled.enrolment).toMatchObject({ tracker: tracker.url, centre, credential: 'private-file' });
    expect(await readCentre(service.store.db().read)).toBe(centre);
    // Session + adult (person, attendance) + consented minor (person, attendance).
    expect(enrolled.counts).toMatchObject({ pending: 5, sent: 0, withheld: 4 });

    const round = await sync.runRound();
    expect(round).toMatchObject({ ok: true, totals: { batches: 1, accepted: 5 } });
    const allowed = [people.teacher.id, people.consented.id];
    const stats = await trackerStats(tracker);
    expect(stats.sessions).toBeGreaterThanOrEqual(1);
    expect(stats.eventIdsDigest).toBe(eventIdsDigest(await deviceEventIds(service, allowed)));
    const status = await sync.status();
    expect(status).toMatchObject({ state: 'ok', lastError: null, clockSuspect: false });
    expect(status.counts).toEqual({ pending: 0, sent: 5, withheld: 4, conflict: 0, invalid: 0 });
    expect(Date.parse(status.lastSuccessAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

    // A used code does not enrol anything again.
    await expect(sync.enrol(tracker.url, code)).rejects.toMatchObject({
      code: 'sync.enrolment-code-used',
      messageKey: 'sync.error.enrolment-code-used',
    });
    await expect(sync.enrol(tracker.url, 'AAAA-BBBB-CCCC')).rejects.toMatchObject({
      code: 'sync.enrolment-code-invalid',
    });
  }, 120_000);

  it('sends erasure and consent withdrawal as tombstones; rows superseded by one never leave', async () => {
    const sync = await freshDevice();
    const centre = await tracker.createCentre();
    await sync.enrol(tracker.url, await tracker.issueEnrolmentCode(centre));
    const session = await newSession(service);
    const { teacher, consented } = await mixedPeople(service);
    for (const person of [teacher, consented]) await service.checkIn.mark(session.id, person.id, admin);
    expect((await sync.runRound()).ok).toBe(true);
    const before = await trackerStats(tracker);

    // Erased, and consent withdrawn, after their rows reached the tracker.
    await service.people.erase(teacher.id, admin);
    await service.people.withdrawConsent(consented.id, '2026-11-20');
    // Checked in and erased before any sync: only the tombstone may travel.
    const late = await service.people.create({
      displayName: 'Eva Tarde',
      type: 'caregiver',
      birthYear: 1990,
    });
    await service.checkIn.mark(session.id, late.id, admin);
    const lateEvents = await deviceEventIds(service, [late.id]);
    await service.people.erase(late.id, admin);

    const round = await sync.runRound();
    expect(round).toMatchObject({ ok: true, totals: { accepted: 3, invalid: 0 } });
    const after = await trackerStats(tracker);
    expect(after.attendanceEvents).toBe(before.attendanceEvents - 2);
    expect(after.peopleReached).toBe(before.peopleReached - 2);
    expect(after.eventIdsDigest).not.toBe(before.eventIdsDigest);
    expect(lateEvents).toHaveLength(1);
    const states = await service.store
      .db()
      .read.all<{ state: string; n: number }>('SELECT state, COUNT(*) AS n FROM sync_items GROUP BY state');
    // The late person's create and check-in were superseded by the erasure.
    expect(states).toEqual(expect.arrayContaining([{ state: 'superseded', n: 2 }]));
  }, 120_000);

  it('a revoked device is refused at its next contact and says so in plain words', async () => {
    const sync = await freshDevice();
    const centre = await tracker.createCentre();
    const status = await sync.enrol(tracker.url, await tracker.issueEnrolmentCode(centre));
    expect((await sync.runRound()).ok).toBe(true);
    await tracker.revokeDevice(status.enrolment!.deviceId);
    const session = await newSession(service);
    const { teacher } = await mixedPeople(service);
    await service.checkIn.mark(session.id, teacher.id, admin);

    const round = await sync.runRound();
    expect(round).toMatchObject({ ok: false, error: { code: 'sync.device-revoked' } });
    const after = await sync.status();
    expect(after.state).toBe('revoked');
    expect(after.enrolment?.revokedAt).not.toBeNull();
    expect(after.lastError?.messageKey).toBe('sync.error.device-revoked');
    expect(after.nextAttemptAt).toBeNull();
    expect(after.counts.pending).toBeGreaterThan(0);
    await expect(sync.syncNow()).rejects.toMatchObject({ code: 'sync.device-revoked' });
  }, 120_000);

  it('refuses plain HTTP to another computer before sending anything', async () => {
    const sync = await freshDevice();
    const code = await tracker.issueEnrolmentCode(await tracker.createCentre());
    const port = new URL(tracker.url).port;
    await expect(sync.enrol(`http://192.168.1.20:${port}`, code)).rejects.toMatchObject({
      code: 'sync.insecure-address',
      messageKey: 'sync.error.insecure-address',
    });
    expect((await sync.status()).state).toBe('not-enrolled');
    // The code was not spent: nothing reached any tracker.
    expect((await sync.enrol(tracker.url, code)).state).toBe('never-synced');
  }, 120_000);

  it('exports a signed, encrypted USB bundle the tracker imports once, however often it is given', async () => {
    const sync = await freshDevice();
    const centre = await tracker.createCentre();
    await sync.enrol(tracker.url, await tracker.issueEnrolmentCode(centre));
    const session = await newSession(service);
    const people = await mixedPeople(service);
    for (const person of Object.values(people))
      await service.checkIn.mark(session.id, person.id, admin, { confirmNoConsent: true });
    const result = await sync.exportBundle(admin);
    expect(result.itemCount).toBe(5);
    const text = readFileSync(result.filePath, 'utf8');
    expect(Buffer.from(result.contentBase64 ?? '', 'base64').toString('utf8')).toBe(text);
    // Sealed: no payload field or id is readable in the file.
    expect(text).not.toContain(people.teacher.id);
    expect(text).not.toContain('ageBand');

    const importBundle = (body: string) =>
      fetch(`${tracker.url}/api/v1/bundles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tracker.adminToken}`, 'content-type': 'application/json' },
        body,
      });
    const before = await trackerStats(tracker);
    const first = await importBundle(text);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ accepted: 5, duplicate: 0, conflict: 0, invalid: 0 });
    const once = await trackerStats(tracker);
    expect(once.attendanceEvents).toBe(before.attendanceEvents + 2);
    const again = await importBundle(text);
    expect(await again.json()).toMatchObject({ accepted: 0, duplicate: 5 });
    expect(await trackerStats(tracker)).toEqual(once);

    const bundle = JSON.parse(text) as { ciphertext: string };
    const flipped = bundle.ciphertext.startsWith('A') ? 'B' : 'A';
    const tampered = JSON.stringify({ ...bundle, ciphertext: flipped + bundle.ciphertext.slice(1) });
    const refused = await importBundle(tampered);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'bundle-invalid' } });
    expect(await trackerStats(tracker)).toEqual(once);

    // Online later: the tracker already has everything, so every item is a duplicate and done.
    expect(await sync.runRound()).toMatchObject({ ok: true, totals: { accepted: 0, duplicate: 5 } });
    expect((await sync.status()).counts).toMatchObject({ pending: 0, sent: 5 });
    const audit = await service.listAudit(5);
    expect(audit.map((entry) => entry.kind)).toContain('sync-bundle');
  }, 120_000);

  it('never keeps check-ins waiting for a whole sync: a check-in made mid-round is done before the round', async () => {
    const sync = await freshDevice();
    await sync.enrol(tracker.url, await tracker.issueEnrolmentCode(await tracker.createCentre()));
    const session = await newSession(service);
    await checkInTeachers(service, session.id, 600);
    const late = await service.people.create({ displayName: 'Luz Tarde', type: 'teacher', birthYear: 1992 });
    const order: string[] = [];
    const round = sync.runRound().then((outcome) => {
      order.push('round');
      return outcome;
    });
    // Once the first of three batches is answered: the round reads through the reader connection
    // and writes in short transactions, so this check-in waits for one batch's bookkeeping at most.
    const read = service.store.db().read;
    while (!(await read.get('SELECT 1 FROM sync_batches WHERE acked_at IS NOT NULL'))) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await service.checkIn.mark(session.id, late.id, admin);
    order.push('check-in');
    expect(await round).toMatchObject({ ok: true });
    expect(order).toEqual(['check-in', 'round']);
  }, 180_000);
});
