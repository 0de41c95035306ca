/**
 * Every shipped lesson parses in both languages, every step with checks has a reference
 * solution, and every reference solution passes every check of its step on the virtual Uno
 * (what `npm run lessons:check` runs).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAllLessons } from '../../../main/lessons/check/check-all-lessons';

const lessonsDir = join(import.meta.dirname, '..', '..', '..', 'lessons');

/** Behaviour checks run real firmware in worker threads: generous on a loaded machine. */
const CHECK_TEST_TIMEOUT_MS = 600_000;

describe('shipped lessons', () => {
  it('parse, have a reference solution for every checked step, and the solutions pass', async () => {
    const reports = await checkAllLessons(lessonsDir);
    expect(reports.map((r) => r.folder)).toEqual(expect.arrayContaining(['blink', 'button-led', 'first-blocks']));
    for (const report of reports) {
      expect(report.problems, report.folder).toEqual([]);
      const lesson = report.lesson!;
      for (const [index, step] of lesson.steps.entries()) {
        if (step.kind !== 'build' || step.checks.length === 0) continue;
        expect(step.solution, `${report.folder} step ${index + 1}`).not.toBeNull();
        const ran = report.steps.find((s) => s.step === index + 1);
        expect(ran?.result.passed, `${report.folder} step ${index + 1}`).toBe(true);
      }
    }
    // Behaviour (blink), stimulus (button-led), and workspace checks beside a behaviour check (first-blocks).
    const kinds = (id: string) =>
      reports.find((r) => r.folder === id)!.lesson!.steps.flatMap((s) => s.checks.map((c) => c.kind));
    expect(kinds('blink')).toContain('behaviour');
    expect(kinds('first-blocks')).toEqual(expect.arrayContaining(['uses', 'no-loose-blocks', 'behaviour']));
    const buttonStep = reports.find((r) => r.folder === 'button-led')!.lesson!.steps[0].checks[0];
    expect(buttonStep.kind === 'behaviour' && buttonStep.stimuli.length).toBeGreaterThan(0);
  }, CHECK_TEST_TIMEOUT_MS);

  it('fails a lesson whose reference solution does not pass (the check is real)', async () => {
    const { checkLessonFolder } = await import('../../../main/lessons/check/check-all-lessons');
    const { mkdtemp, cp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const root = await mkdtemp(join(tmpdir(), 'chispa-lessons-'));
    try {
      await cp(join(lessonsDir, 'first-blocks'), join(root, 'first-blocks'), { recursive: true });
      // A "solution" with one loose block: "no loose blocks" and "uses … at least 2" must fail.
      await writeFile(
        join(root, 'first-blocks', 'step-1-solution.json'),
        JSON.stringify({ blocks: { languageVersion: 0, blocks: [{ type: 'chispa_led_set', fields: { PIN: '13', STATE: '1' } }] } }),
      );
      const report = await checkLessonFolder(root, 'first-blocks', new Set(['first-blocks']));
      expect(report.problems.map((p) => p.messageKey)).toEqual(['lessonFormat.solutionFails']);
      expect(report.problems[0].params).toMatchObject({ step: 1, messageKey: 'lessonCheck.uses.missing' });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, CHECK_TEST_TIMEOUT_MS);
});
