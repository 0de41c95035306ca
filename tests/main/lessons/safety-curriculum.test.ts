/**
 * The digital-safety lessons and the adults' sessions as issue 11 asks for them: age bands,
 * attendance activity types, scenario steps with feedback for every choice, a coding tie-in with
 * checks that run on the virtual Uno, help keys, staff notes, and Spanish a 9–12-year-old reads.
 * (Reference solutions are run by shipped-lessons.test.ts.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewCurriculumLesson } from '../../../common/lessons/curriculum-rules';
import type { Lesson } from '../../../common/lessons/lesson-types';
import { knownHelpKeys } from '../../../common/help-resources/help-resources';
import { loadHelpResources } from '../../../main/lessons/help-resources-store';
import { loadLessonFolder } from '../../../main/lessons/load-lesson-folder';

const lessonsDir = join(import.meta.dirname, '..', '..', '..', 'lessons');
const load = async (id: string): Promise<Lesson> => {
  const result = await loadLessonFolder(join(lessonsDir, id));
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.problems)}`);
  return result.lesson;
};

const children: Array<[string, string]> = [
  ['safety-personal-info', 'children-8-10'],
  ['safety-passwords', 'children-8-10'],
  ['safety-kindness', 'children-11-14'],
  ['safety-strangers', 'children-11-14'],
];

describe('digital safety lessons for children', () => {
  it.each(children)('%s: %s, scenarios with feedback, a checked coding tie-in, help keys and easy Spanish', async (id, band) => {
    const lesson = await load(id);
    expect(lesson.audience).toEqual([band]);
    const scenarios = lesson.steps.filter((step) => step.kind === 'scenario');
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
    for (const step of scenarios) {
      for (const locale of ['es', 'en'] as const) {
        const choices = step.text[locale].scenario!.choices;
        expect(choices.length).toBeGreaterThanOrEqual(2);
        expect(choices.every((choice) => choice.explanation.length > 0)).toBe(true);
      }
    }
    const builds = lesson.steps.filter((step) => step.kind === 'build' && step.checks.length > 0);
    expect(builds.length).toBeGreaterThanOrEqual(1);
    expect(builds.some((step) => step.checks.some((check) => check.kind === 'behaviour'))).toBe(true);
    expect(lesson.steps.flatMap((step) => step.helpKeys)).toContain('child-helpline');
    const help = await loadHelpResources(join(lessonsDir, 'help-resources'));
    const review = reviewCurriculumLesson(lesson, knownHelpKeys(help.files));
    expect(review.problems).toEqual([]);
    expect(review.readability.fernandezHuerta).toBeGreaterThanOrEqual(70);
  });

  it('never asks for a real name, address or password in an exercise text (quoted scam messages aside)', async () => {
    for (const [id] of children) {
      const lesson = await load(id);
      const text = lesson.steps
        .map((step) => `${step.text.es.body}\n${step.text.es.hints.join('\n')}`)
        .join('\n')
        .replace(/«[^»]*»/g, '');
      expect(text, id).not.toMatch(/escribe tu (nombre|dirección|contraseña|teléfono)/i);
    }
  });
});

describe("families' workshop and teachers' session", () => {
  it.each([
    ['families-workshop', 'families', 'digital-safety-family'],
    ['teachers-session', 'teachers', 'teacher-training'],
  ])('%s: audience %s, recorded as %s, 60–90 min with staff notes and help keys', async (id, audience, activity) => {
    const lesson = await load(id);
    expect(lesson.audience).toEqual([audience]);
    expect(lesson.activityType).toBe(activity);
    expect(lesson.durationMin).toBeGreaterThanOrEqual(60);
    expect(lesson.durationMin).toBeLessThanOrEqual(90);
    expect(lesson.steps.filter((step) => step.text.es.staffNotes && step.text.en.staffNotes).length).toBeGreaterThanOrEqual(3);
    expect(lesson.steps.flatMap((step) => step.helpKeys)).toEqual(['child-helpline', 'report-online', 'emergency']);
  });
});
