/**
 * The lesson service wrapped so that every passed check and correct answer is recorded for the
 * child chosen on this PC (progress-service.ts). The lesson service itself knows nothing of who
 * is at the PC; a failure to record is logged and never fails the child's check.
 */
import type { LessonService } from '../lessons/lesson-service';
import type { Logger } from '../app/logger';
import type { ProgressService } from './progress-service';

export const withLessonProgress = (
  lessons: LessonService,
  progress: Pick<ProgressService, 'stepPassed'>,
  logger: Logger,
): LessonService => {
  const record = async (id: string, step: number) => {
    try {
      const lesson = await lessons.forStaff(id);
      await progress.stepPassed(id, step, lesson.steps.length);
    } catch (error) {
      logger.warn('recording lesson progress failed', error);
    }
  };
  return {
    ...lessons,
    async check(id, step, workspace, locale) {
      const checked = await lessons.check(id, step, workspace, locale);
      if (checked.result.passed) await record(id, step);
      return checked;
    },
    async answer(id, step, choice) {
      const answered = await lessons.answer(id, step, choice);
      if (answered.correct) await record(id, step);
      return answered;
    },
  };
};
