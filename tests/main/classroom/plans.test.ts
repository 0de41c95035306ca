import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/app/logger';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import type { BoardService } from '../../../main/board/board-service';
import { createPlanService, type PlanService } from '../../../main/classroom/plan-service';
import { createPlanStore } from '../../../main/classroom/plan-store';
import { createLessonsService } from '../../../main/lessons/create-lessons-service';
import { moveMeeting } from '../../../common/plans/lesson-plan';
import { openService, removeLayout, tempLayout } from '../attendance/helpers';

const repoLessons = new URL('../../../lessons/', import.meta.url).pathname;

/**
 * Plans against a fixture library: two real lessons copied into a folder of their own, and a
 * plan that also names a lesson the library lacks. Sessions go to a real SQLite file.
 */
describe('lesson plans (fixture library, real attendance database)', () => {
  let root: string;
  let layout: ReturnType<typeof tempLayout>;
  let attendance: AttendanceService;
  let plans: PlanService;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'chispa-plans-'));
    const shipped = join(root, 'lessons');
    for (const id of ['first-blocks', 'blink'])
      cpSync(join(repoLessons, id), join(shipped, id), { recursive: true });
    mkdirSync(join(shipped, 'plans'));
    writeFileSync(
      join(shipped, 'plans', 'fixture-plan.json'),
      JSON.stringify({
        id: 'fixture-plan',
        title: { es: 'Plan de prueba', en: 'Fixture plan' },
        audience: 'children-8-10',
        activityType: 'robotics-class',
        meetings: [
          { lessons: ['first-blocks'], note: { es: 'Primera', en: 'First' } },
          { lessons: ['blink', 'traffic-light'], note: { es: 'Segunda', en: 'Second' } },
          { lessons: ['blink'], note: { es: 'Tercera', en: 'Third' } },
        ],
      }),
    );
    writeFileSync(join(shipped, 'plans', 'broken.json'), '{ "id": "broken" ');
    layout = tempLayout();
    attendance = await openService(layout);
    const board = { status: () => ({ state: 'idle', target: null }) } as unknown as BoardService;
    const lessons = createLessonsService({
      dataDir: join(root, 'data'),
      board,
      logger: silentLogger,
      shippedDir: shipped,
    });
    plans = createPlanService({
      store: createPlanStore({
        shippedDir: join(shipped, 'plans'),
        savedDir: join(root, 'data', 'plans'),
        logger: silentLogger,
      }),
      lessons,
      createSession: (input) => attendance.checkIn.createSession(input),
    });
  });
  afterAll(async () => {
    await attendance.close();
    removeLayout(layout);
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the valid plan with the lessons this PC lacks, and leaves the broken file out', async () => {
    const { plans: listed } = await plans.list();
    expect(listed.map((p) => [p.plan.id, p.source, p.missingLessons])).toEqual([
      ['fixture-plan', 'shipped', ['traffic-light']],
    ]);
  });

  it('copies a plan, reorders the copy, and refuses to edit the shipped one or add an unknown lesson', async () => {
    const copy = await plans.copy('fixture-plan', { es: 'Mi plan', en: 'My plan' });
    expect(copy.source).toBe('copy');
    expect(copy.plan.copiedFrom).toBe('fixture-plan');
    expect(copy.plan.id).not.toBe('fixture-plan');
    const reordered = await plans.save(moveMeeting(copy.plan, 2, 0));
    expect(reordered.plan.meetings.map((m) => m.note.en)).toEqual(['Third', 'First', 'Second']);
    expect((await plans.get(copy.plan.id)).plan.meetings[0].note.en).toBe('Third');
    await expect(plans.save({ ...copy.plan, id: 'fixture-plan' })).rejects.toMatchObject({
      code: 'classroom.plan-read-only',
    });
    const unknown = {
      ...reordered.plan,
      meetings: [{ lessons: ['servo-sweep'], note: { es: 'x', en: 'x' } }],
    };
    await expect(plans.save(unknown)).rejects.toMatchObject({
      code: 'classroom.plan-invalid',
      messageKey: 'classroom.plan.problem.unknownLesson',
    });
    const shippedAgain = await plans.get('fixture-plan');
    expect(shippedAgain.plan.meetings.map((m) => m.note.en)).toEqual(['First', 'Second', 'Third']);
  });

  it('starts today\u2019s class: a session with the plan\u2019s activity type and the meeting\u2019s lessons', async () => {
    const { session } = await plans.startToday({
      planId: 'fixture-plan',
      meeting: 1,
      date: '2026-11-26',
      startTime: '15:00',
      facilitator: 'Profe Ana',
    });
    expect(session).toMatchObject({
      activityType: 'robotics-class',
      lessons: ['blink', 'traffic-light'],
      date: '2026-11-26',
    });
    expect((await attendance.checkIn.getSession(session.id)).lessons).toEqual(['blink', 'traffic-light']);
    await expect(
      plans.startToday({
        planId: 'fixture-plan',
        meeting: 9,
        date: '2026-11-26',
        startTime: '15:00',
        facilitator: 'x',
      }),
    ).rejects.toMatchObject({ code: 'classroom.meeting-not-found' });
  });

  it('builds the meeting guide: goals, materials, timing and instructor notes, and marks a missing lesson', async () => {
    const guide = await plans.guide('fixture-plan', 1);
    expect(guide.note.es).toBe('Segunda');
    const [blink, missing] = guide.lessons;
    expect(blink).toMatchObject({ id: 'blink', missing: false, parts: ['led'] });
    expect(blink.title?.es).toBeTruthy();
    expect(blink.summary?.en).toBeTruthy();
    expect(blink.durationMin).toBeGreaterThan(0);
    expect(blink.steps.some((step) => step.staffNotes.es)).toBe(true);
    expect(missing).toMatchObject({ id: 'traffic-light', missing: true, title: null });
    expect(guide.totalMinutes).toBe(blink.durationMin);
  });
});
