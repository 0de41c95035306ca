/**
 * Where the child is, for the live class: the lesson service wrapped so that opening a lesson,
 * moving to a step, and each check or answer update the PC's status (lesson, step, last check
 * and tries on that step). The lesson service itself knows nothing of classes.
 */
import type { PcStatus } from '../../common/classroom/protocol';
import type { LessonService } from '../lessons/lesson-service';

export type LessonPosition = Omit<PcStatus, 'nameRef' | 'board'>;

export const withLessonActivity = (
  lessons: LessonService,
  onPosition: (position: LessonPosition) => void,
): LessonService => {
  let position: LessonPosition = {
    lessonId: null,
    step: null,
    stepCount: null,
    stepsPassed: 0,
    lastCheck: null,
  };
  let tries = 0;
  const update = (patch: Partial<LessonPosition>) => {
    position = { ...position, ...patch };
    onPosition(position);
  };
  const moveTo = (lessonId: string, step: number, stepCount: number | null, stepsPassed: number) => {
    if (position.lessonId !== lessonId || position.step !== step) {
      tries = 0;
      update({ lessonId, step, stepCount: stepCount ?? position.stepCount, stepsPassed, lastCheck: null });
    }
  };
  const passedCount = (work: { steps: Record<string, { passed: boolean }> }) =>
    Object.values(work.steps).filter((step) => step.passed).length;
  return {
    ...lessons,
    async open(id) {
      const opened = await lessons.open(id);
      tries = 0;
      update({
        lessonId: id,
        step: opened.work.step,
        stepCount: opened.lesson.steps.length,
        stepsPassed: passedCount(opened.work),
        lastCheck: null,
      });
      return opened;
    },
    async saveWork(id, step, workspace) {
      const saved = await lessons.saveWork(id, step, workspace);
      moveTo(id, step, null, position.stepsPassed);
      return saved;
    },
    async check(id, step, workspace, locale) {
      const checked = await lessons.check(id, step, workspace, locale);
      moveTo(id, step, null, passedCount(checked.work));
      tries++;
      update({ stepsPassed: passedCount(checked.work), lastCheck: { passed: checked.result.passed, tries } });
      return checked;
    },
    async answer(id, step, choice) {
      const answered = await lessons.answer(id, step, choice);
      moveTo(id, step, null, passedCount(answered.work));
      tries++;
      update({ stepsPassed: passedCount(answered.work), lastCheck: { passed: answered.correct, tries } });
      return answered;
    },
    close() {
      update({ lessonId: null, step: null, stepCount: null, lastCheck: null });
      return lessons.close();
    },
  };
};
