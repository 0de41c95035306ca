import { afterEach, describe, expect, it } from 'vitest';
import { syncItemSchema } from '../../../common/sync/sync-items';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { createProgressService } from '../../../main/progress/progress-service';
import { readClassified } from '../../../main/sync/outbox-items';
import { removeLayout, tempLayout } from '../attendance/helpers';
import { admin, mixedPeople, newSession, openService } from '../sync/helpers';

describe('lesson progress on the PC', () => {
  let layout: DataLayout;
  let service: AttendanceService;
  afterEach(async () => {
    await service?.close();
    removeLayout(layout);
  });

  const setUp = async () => {
    layout = tempLayout();
    service = await openService(layout);
    const session = await newSession(service, '2026-11-20');
    const people = await mixedPeople(service);
    for (const person of [people.consented, people.noConsent])
      await service.checkIn.mark(session.id, person.id, admin, { confirmNoConsent: true });
    const progress = () =>
      createProgressService({
        store: service.store,
        dataDir: layout.root,
        logger: { info() {}, warn() {}, error() {} } as never,
        today: () => '2026-11-20',
      });
    return { people, progress };
  };
  const db = () => service.store.db().read;
  const outbox = () =>
    db().all<{ entity: string; payload: string }>(
      `SELECT entity, payload FROM outbox WHERE entity = 'lesson-progress' ORDER BY id`,
    );

  it("offers only today's checked-in learners, records each step once per child, and remembers the child", async () => {
    const { people, progress } = await setUp();
    const pc = progress();
    const choice = await pc.choice();
    expect(choice.learner).toEqual({ kind: 'none' });
    expect(choice.today.map((p) => p.displayName).sort()).toEqual(['Beto Niño', 'Caro Niña']);
    await expect(pc.choose(people.localOnly.id)).rejects.toMatchObject({
      code: 'progress.not-checked-in',
      messageKey: 'progress.error.not-checked-in',
    });
    // Nobody chosen: nothing is recorded.
    await pc.stepPassed('blink', 0, 2);
    expect(await outbox()).toEqual([]);

    await pc.choose(people.consented.id);
    await pc.stepPassed('blink', 0, 2);
    await pc.stepPassed('blink', 0, 2);
    // A restart: the choice is remembered (a person id in the data folder, never a name).
    const again = progress();
    expect((await again.choice()).learner).toEqual({
      kind: 'person',
      personId: people.consented.id,
      displayName: 'Beto Niño',
    });
    await again.stepPassed('blink', 1, 2);
    const rows = await db().all<{ step: number; lesson_done: number }>(
      `SELECT step, lesson_done FROM lesson_progress WHERE person_id = ? ORDER BY step`,
      [people.consented.id],
    );
    expect(rows).toEqual([
      { step: 0, lesson_done: 0 },
      { step: 1, lesson_done: 1 },
    ]);
    expect(await outbox()).toHaveLength(2);

    // "Nuevo": the next child starts with nobody chosen.
    expect((await again.forget()).learner).toEqual({ kind: 'none' });
    await again.stepPassed('blink', 0, 2);
    expect(await outbox()).toHaveLength(2);
  });

  it('keeps anonymous runs apart, and sends only pseudonymous rows the consent rule allows', async () => {
    const { people, progress } = await setUp();
    const pc = progress();
    await pc.choose(null);
    await pc.stepPassed('blink', 0, 2);
    await pc.stepPassed('blink', 0, 2);
    await pc.choose(null);
    await pc.stepPassed('blink', 0, 2);
    await pc.choose(people.noConsent.id);
    await pc.stepPassed('blink', 0, 2);
    await pc.choose(people.consented.id);
    await pc.stepPassed('blink', 0, 2);
    await pc.stepPassed('blink', 1, 2);

    const report = await pc.report();
    expect(report.anonymous).toEqual({ stepsDone: 2, lessonsDone: 0 });
    expect(report.children.map((c) => [c.displayName, c.stepsDone, c.lessonsDone])).toEqual([
      ['Beto Niño', 2, 1],
      ['Caro Niña', 1, 0],
    ]);
    expect(report.lessons).toEqual([
      { lessonId: 'blink', childrenDone: 1, childrenStarted: 4, stepsDone: 5 },
    ]);

    const classified = (await readClassified(db(), 0, 100, 'sv-centro')).filter(
      (c) => c.state !== 'send' || c.item.entity === 'lesson-progress',
    );
    const progressRows = await db().all<{ id: number; payload: string }>(
      `SELECT id, payload FROM outbox WHERE entity = 'lesson-progress' ORDER BY id`,
    );
    const stateOf = (id: number) => classified.find((c) => c.outboxId === id)?.state;
    expect(progressRows.map((row) => stateOf(row.id))).toEqual(['send', 'send', 'withheld', 'send', 'send']);
    for (const entry of classified) {
      if (entry.state !== 'send') continue;
      expect(syncItemSchema.parse(entry.item)).toEqual(entry.item);
      const wire = JSON.stringify(entry.item);
      for (const name of ['Beto', 'Caro', 'Niño', 'Niña']) expect(wire).not.toContain(name);
      expect(wire).not.toMatch(/birth|ageBand|"sex"|2015|2014|displayName/);
    }
    const sent = classified.flatMap((c) => (c.state === 'send' ? [c.item.payload] : []));
    expect(sent.map((p) => ('personId' in p ? p.personId : undefined))).toEqual([
      null,
      null,
      people.consented.id,
      people.consented.id,
    ]);
  });
});
