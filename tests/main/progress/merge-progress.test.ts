import { afterEach, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { createProgressService } from '../../../main/progress/progress-service';
import { progressEventIdFor } from '../../../main/progress/progress-repo';
import { paperConsent, removeLayout, tempLayout } from '../attendance/helpers';
import { admin, newSession, openService } from '../sync/helpers';

const year = new Date().getFullYear() - 10;
const consent = paperConsent;

describe('merging duplicates keeps the lesson steps', () => {
  let layout: DataLayout;
  let service: AttendanceService;
  afterEach(async () => {
    await service?.close();
    removeLayout(layout);
  });

  it('moves the steps only the duplicate passed to the kept child, with outbox rows; nothing is counted twice', async () => {
    layout = tempLayout();
    service = await openService(layout);
    const keep = await service.people.create({
      displayName: 'José Peña',
      type: 'learner',
      birthYear: year,
      consent,
    });
    const duplicate = await service.people.create({
      displayName: 'Jose Pena',
      type: 'learner',
      birthYear: year,
      consent,
    });
    const session = await newSession(service, '2026-11-20');
    for (const person of [keep, duplicate]) await service.checkIn.mark(session.id, person.id, admin);
    const progress = createProgressService({
      store: service.store,
      dataDir: layout.root,
      logger: { info() {}, warn() {}, error() {} } as never,
      today: () => '2026-11-20',
    });
    // As "Jose Pena" the child finished blink (2 steps) and passed step 2 of a 3-step lesson.
    await progress.choose(duplicate.id);
    await progress.stepPassed('blink', 0, 2);
    await progress.stepPassed('blink', 1, 2);
    await progress.stepPassed('traffic-light', 2, 3);
    // As "José Peña": blink step 0 again and traffic-light step 0.
    await progress.choose(keep.id);
    await progress.stepPassed('blink', 0, 2);
    await progress.stepPassed('traffic-light', 0, 3);

    const db = () => service.store.db().read;
    const lastOutbox = (await db().get<{ id: number }>('SELECT max(id) AS id FROM outbox'))!.id;
    await service.people.merge(keep.id, duplicate.id, admin);

    const rows = await db().all<{
      id: string;
      person_id: string;
      lesson_id: string;
      step: number;
      lesson_done: number;
    }>('SELECT id, person_id, lesson_id, step, lesson_done FROM lesson_progress ORDER BY lesson_id, step');
    expect(rows).toEqual([
      {
        id: progressEventIdFor(keep.id, 'blink', 0),
        person_id: keep.id,
        lesson_id: 'blink',
        step: 0,
        lesson_done: 0,
      },
      // Moved: it was the duplicate's, and it finishes blink for the kept child.
      {
        id: progressEventIdFor(keep.id, 'blink', 1),
        person_id: keep.id,
        lesson_id: 'blink',
        step: 1,
        lesson_done: 1,
      },
      {
        id: progressEventIdFor(keep.id, 'traffic-light', 0),
        person_id: keep.id,
        lesson_id: 'traffic-light',
        step: 0,
        lesson_done: 0,
      },
      {
        id: progressEventIdFor(keep.id, 'traffic-light', 2),
        person_id: keep.id,
        lesson_id: 'traffic-light',
        step: 2,
        lesson_done: 0,
      },
    ]);
    // The outbox gains the two moved steps for the kept child (their first day kept) and the
    // duplicate's erase tombstone, which takes the duplicate's own steps off the tracker.
    const added = await db().all<{ entity: string; entity_id: string; payload: string }>(
      'SELECT entity, entity_id, payload FROM outbox WHERE id > ? ORDER BY id',
      [lastOutbox],
    );
    const steps = added
      .filter((row) => row.entity === 'lesson-progress')
      .map((row) => JSON.parse(row.payload));
    expect(steps).toEqual([
      expect.objectContaining({
        personId: keep.id,
        lessonId: 'blink',
        step: 1,
        lessonDone: true,
        date: '2026-11-20',
      }),
      expect.objectContaining({ personId: keep.id, lessonId: 'traffic-light', step: 2, lessonDone: false }),
    ]);
    expect(steps.every((step) => step.consentState === 'given')).toBe(true);
    expect(added.find((row) => row.entity === 'person')).toMatchObject({ entity_id: duplicate.id });
    // The staff report: one child, four steps, one lesson finished.
    const report = await progress.report();
    expect(report.children).toEqual([
      expect.objectContaining({ personId: keep.id, stepsDone: 4, lessonsDone: 1 }),
    ]);
  });
});
