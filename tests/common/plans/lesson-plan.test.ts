import { describe, expect, it } from 'vitest';
import { moveMeeting, parsePlan, planLessonIds, type LessonPlan } from '../../../common/plans/lesson-plan';
import { messages } from '../../../common/i18n/messages';

const plan: LessonPlan = {
  id: 'robotics-test',
  title: { es: 'Robótica de prueba', en: 'Test robotics' },
  audience: 'children-8-10',
  activityType: 'robotics-class',
  meetings: [
    { lessons: ['first-blocks'], note: { es: 'Uno', en: 'One' } },
    { lessons: ['blink', 'button-led'], note: { es: 'Dos', en: 'Two' } },
    { lessons: ['blink'], note: { es: 'Tres', en: 'Three' } },
  ],
};
const library = new Set(['first-blocks', 'blink', 'button-led']);

describe('lesson plan format', () => {
  it('parses a plan whose lessons are all in the library', () => {
    expect(parsePlan(JSON.stringify(plan), { knownLessons: library })).toEqual({ ok: true, plan });
    expect(planLessonIds(plan)).toEqual(['first-blocks', 'blink', 'button-led']);
  });

  it('names each lesson the library lacks, with its meeting, and a lesson listed twice in a meeting', () => {
    const broken = {
      ...plan,
      meetings: [
        ...plan.meetings,
        { lessons: ['servo-sweep', 'blink', 'blink'], note: { es: 'x', en: 'x' } },
      ],
    };
    const result = parsePlan(JSON.stringify(broken), { knownLessons: library });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'meetings.3.lessons.0',
          messageKey: 'classroom.plan.problem.unknownLesson',
          params: { lesson: 'servo-sweep', meeting: 4 },
        },
        {
          path: 'meetings.3.lessons.2',
          messageKey: 'classroom.plan.problem.repeatedLesson',
          params: { lesson: 'blink', meeting: 4 },
        },
      ],
    });
    for (const problem of result.ok ? [] : result.problems)
      expect(messages.es[problem.messageKey]).toBeTruthy();
  });

  it('refuses what is not a plan: not JSON, missing English, unknown fields, an empty meeting', () => {
    expect(parsePlan('{')).toMatchObject({
      ok: false,
      problems: [{ messageKey: 'classroom.plan.problem.notJson' }],
    });
    const noEnglish = { ...plan, title: { es: 'Sólo español' } };
    expect(parsePlan(JSON.stringify(noEnglish))).toMatchObject({
      ok: false,
      problems: [{ path: 'title.en' }],
    });
    expect(parsePlan(JSON.stringify({ ...plan, secret: 1 }))).toMatchObject({ ok: false });
    const empty = { ...plan, meetings: [{ lessons: [], note: { es: 'x', en: 'x' } }] };
    expect(parsePlan(JSON.stringify(empty))).toMatchObject({
      ok: false,
      problems: [{ path: 'meetings.0.lessons' }],
    });
  });

  it('moves one meeting and keeps the others in order', () => {
    const moved = moveMeeting(plan, 2, 0);
    expect(moved.meetings.map((m) => m.note.en)).toEqual(['Three', 'One', 'Two']);
    expect(moveMeeting(plan, 0, 5)).toBe(plan);
  });
});
