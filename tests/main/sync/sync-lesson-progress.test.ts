import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { createProgressService } from '../../../main/progress/progress-service';
import { startFaultProxy, type FaultProxy } from '../../tracker/helpers/fault-proxy';
import { startTestTracker, type TestTracker } from '../../tracker/helpers/start-test-tracker';
import { quietLogger, removeLayout, tempLayout } from '../attendance/helpers';
import { admin, deviceSync, mixedPeople, newSession, openService } from './helpers';

/** Lesson steps from the PC to a real tracker (PGlite): each exactly once, a lost answer included. */
describe('lesson progress through the sync', () => {
  let tracker: TestTracker;
  let layout: DataLayout;
  let service: AttendanceService;
  let proxy: FaultProxy;
  beforeAll(async () => {
    tracker = await startTestTracker({ engine: 'pglite' });
  }, 240_000);
  afterAll(() => tracker?.stop());
  afterEach(async () => {
    await proxy?.close();
    await service?.close();
    removeLayout(layout);
  });

  it('reaches the tracker once per child and step, withheld without consent, and after a lost answer', async () => {
    layout = tempLayout();
    service = await openService(layout);
    const today = '2026-11-20';
    const session = await newSession(service, today);
    const people = await mixedPeople(service);
    for (const person of [people.consented, people.noConsent])
      await service.checkIn.mark(session.id, person.id, admin, { confirmNoConsent: true });
    const progress = createProgressService({
      store: service.store,
      dataDir: layout.root,
      logger: quietLogger(),
      today: () => today,
    });
    await progress.choose(people.consented.id);
    for (const step of [0, 1, 1, 0]) await progress.stepPassed('blink', step, 2);
    await progress.choose(people.noConsent.id);
    await progress.stepPassed('blink', 0, 2);
    await progress.choose(null);
    await progress.stepPassed('blink', 0, 2);

    // Request 0 is the enrolment; the first batch reaches the tracker but its answer is lost.
    proxy = await startFaultProxy(tracker.url, (n) => (n === 1 ? 'drop-after-forward' : 'pass'));
    const sync = deviceSync(layout, service);
    await sync.enrol(proxy.url, await tracker.issueEnrolmentCode(await tracker.createCentre()));
    expect((await sync.runRound()).ok).toBe(false);
    const round = await sync.runRound();
    expect(round).toMatchObject({ ok: true });
    expect(proxy.log.slice(0, 3)).toEqual(['pass', 'drop-after-forward', 'pass']);
    const stats = await tracker.admin<{ lessonSteps: number }>('GET', '/api/v1/admin/stats');
    // The consented child's 2 steps and the anonymous step; the minor without consent stays here.
    expect(stats.lessonSteps).toBe(3);
    const status = await sync.status();
    expect(status.counts).toMatchObject({ pending: 0, conflict: 0, invalid: 0 });
    const states = await service.store.db().read.all<{ state: string; n: number }>(
      `SELECT s.state, count(*) AS n FROM sync_items s JOIN outbox o ON o.id = s.outbox_id
         WHERE o.entity = 'lesson-progress' GROUP BY s.state ORDER BY s.state`,
    );
    expect(states).toEqual([
      { state: 'accepted', n: 3 },
      { state: 'withheld', n: 1 },
    ]);
    // Another round sends nothing new.
    await sync.runRound();
    expect((await tracker.admin<{ lessonSteps: number }>('GET', '/api/v1/admin/stats')).lessonSteps).toBe(3);
    await sync.dispose();
  }, 240_000);
});
