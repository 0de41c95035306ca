/**
 * What `npm run lessons:check` does: parses every lesson folder in both languages, checks that
 * ids match folders and prerequisites exist, then runs every step's checks on its reference
 * solution (which must pass) and on its starting workspace (which must not: otherwise the step
 * asks nothing). Returns problems per lesson with timings; printing is the caller's.
 */
import { join } from 'node:path';
import { knownHelpKeys } from '../../../common/help-resources/help-resources';
import { reviewCurriculumLesson } from '../../../common/lessons/curriculum-rules';
import type { CheckResult, Lesson, LessonProblem } from '../../../common/lessons/lesson-types';
import type { Readability } from '../../../common/lessons/readability';
import { HELP_RESOURCES_FOLDER, loadHelpResources } from '../help-resources-store';
import { lessonFolders, loadLessonFolder } from '../load-lesson-folder';
import { checkStep } from './check-step';

export interface StepReport {
  step: number;
  result: CheckResult;
}

export interface LessonReport {
  folder: string;
  lesson: Lesson | null;
  problems: LessonProblem[];
  steps: StepReport[];
  /** Of the Spanish a child reads (null when the lesson did not parse). */
  readability: Readability | null;
  elapsedMs: number;
}

const helpKeysIn = async (root: string): Promise<{ keys: Set<string>; problems: LessonProblem[] }> => {
  const resources = await loadHelpResources(join(root, HELP_RESOURCES_FOLDER));
  return { keys: knownHelpKeys(resources.files), problems: resources.problems };
};

export const checkLessonFolder = async (
  root: string,
  folder: string,
  known: ReadonlySet<string>,
  helpKeys?: ReadonlySet<string>,
): Promise<LessonReport> => {
  const started = performance.now();
  const report: LessonReport = { folder, lesson: null, problems: [], steps: [], readability: null, elapsedMs: 0 };
  const parsed = await loadLessonFolder(join(root, folder));
  if (!parsed.ok) {
    report.problems.push(...parsed.problems);
    report.elapsedMs = performance.now() - started;
    return report;
  }
  const lesson = parsed.lesson;
  report.lesson = lesson;
  const review = reviewCurriculumLesson(lesson, helpKeys ?? (await helpKeysIn(root)).keys);
  report.readability = review.readability;
  report.problems.push(...review.problems);
  if (lesson.id !== folder)
    report.problems.push({ file: 'es.md', line: 0, messageKey: 'lessonFormat.idNotFolder', params: { id: lesson.id, folder } });
  for (const prerequisite of lesson.prerequisites) {
    if (!known.has(prerequisite))
      report.problems.push({ file: 'es.md', line: 0, messageKey: 'lessonFormat.unknownPrerequisite', params: { id: prerequisite } });
  }
  for (const [index, step] of lesson.steps.entries()) {
    if (step.checks.length === 0) continue;
    const line = step.text.es.line;
    if (!step.solution) continue; // the parser already reported it
    const result = await checkStep({ lesson, stepIndex: index, workspace: step.solution.workspace });
    report.steps.push({ step: index + 1, result });
    if (!result.passed) {
      report.problems.push({
        file: step.solution.file,
        line,
        messageKey: 'lessonFormat.solutionFails',
        params: { step: index + 1, messageKey: result.failure.messageKey, ...result.failure.params },
      });
    }
    if (step.start.kind === 'workspace') {
      const start = await checkStep({ lesson, stepIndex: index, workspace: step.start.workspace });
      if (start.passed)
        report.problems.push({ file: step.start.file, line, messageKey: 'lessonFormat.startPasses', params: { step: index + 1 } });
    }
  }
  report.elapsedMs = performance.now() - started;
  return report;
};

export const checkAllLessons = async (root: string): Promise<LessonReport[]> => {
  const folders = await lessonFolders(root);
  const known = new Set(folders);
  const help = await helpKeysIn(root);
  const reports: LessonReport[] = [];
  if (help.problems.length > 0)
    reports.push({ folder: HELP_RESOURCES_FOLDER, lesson: null, problems: help.problems, steps: [], readability: null, elapsedMs: 0 });
  for (const folder of folders) reports.push(await checkLessonFolder(root, folder, known, help.keys));
  return reports;
};
