import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../common/ipc/app-error';
import {
  emptyLessonWork,
  lessonIdSchema,
  lessonWorkSchema,
  type LessonWork,
} from '../../common/ipc/lesson-work-schema';
import { maxProjectBytes, type WorkspaceState } from '../../common/projects/project-file';
import { writeFileAtomic } from '../app/atomic-write';
import type { Logger } from '../app/logger';

export interface LessonWorkStore {
  load(lessonId: string): LessonWork;
  /** Keeps the blocks of one step and makes it the step the child is on. */
  saveStep(lessonId: string, step: number, workspace: WorkspaceState): LessonWork;
  /** Records a passed check; the lesson is complete when every step has passed. */
  markPassed(lessonId: string, step: number, stepCount: number): LessonWork;
  /** Progress of every lesson with saved work (for done marks in the list). */
  progress(): Map<string, { passedSteps: number; completed: boolean }>;
  /** The lesson the child has open (reopened after a reload or restart); null = the lesson list. */
  openLesson(): string | null;
  setOpenLesson(lessonId: string | null): void;
}

/**
 * Each lesson's work in its own file under <data>/lesson-work, written atomically (a crash or
 * power cut leaves the old or the new file). A file that cannot be read is renamed aside and
 * never overwritten, so nothing a child made is lost to a damaged file.
 */
export const createLessonWorkStore = (dir: string, logger: Logger): LessonWorkStore => {
  mkdirSync(dir, { recursive: true });
  // Not a lesson id (ids start with a letter or digit), so never taken for a lesson's work.
  const openFile = join(dir, '_open-lesson.json');
  const fileOf = (lessonId: string) => join(dir, `${lessonIdSchema.parse(lessonId)}.json`);
  const read = (lessonId: string): LessonWork => {
    const file = fileOf(lessonId);
    if (!existsSync(file)) return emptyLessonWork(lessonId);
    try {
      const work = lessonWorkSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      if (work.lessonId === lessonId) return work;
      throw new Error(`file holds the work of ${work.lessonId}`);
    } catch (error) {
      const aside = `${lessonId}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
      renameSync(file, join(dir, aside));
      logger.warn(`lesson work for ${lessonId} could not be read; kept it as ${aside}`, error);
      return emptyLessonWork(lessonId);
    }
  };
  const write = (work: LessonWork): LessonWork => {
    const next = { ...work, savedAt: new Date().toISOString() };
    const text = JSON.stringify(next);
    if (Buffer.byteLength(text, 'utf8') > maxProjectBytes) {
      throw new AppError('projects.too-big', { params: { mb: maxProjectBytes / (1024 * 1024) } });
    }
    writeFileAtomic(fileOf(work.lessonId), text);
    return next;
  };
  return {
    load: read,
    saveStep(lessonId, step, workspace) {
      const work = read(lessonId);
      const previous = work.steps[String(step)];
      return write({
        ...work,
        step,
        steps: { ...work.steps, [String(step)]: { workspace, passed: previous?.passed ?? false } },
      });
    },
    markPassed(lessonId, step, stepCount) {
      const work = read(lessonId);
      const steps = {
        ...work.steps,
        [String(step)]: { workspace: work.steps[String(step)]?.workspace ?? null, passed: true },
      };
      const passed = Object.entries(steps).filter(([index, entry]) => entry.passed && Number(index) < stepCount);
      return write({ ...work, steps, completed: passed.length >= stepCount });
    },
    openLesson() {
      try {
        const parsed = lessonIdSchema.safeParse(JSON.parse(readFileSync(openFile, 'utf8')).lessonId);
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    setOpenLesson(lessonId) {
      writeFileAtomic(openFile, JSON.stringify({ lessonId: lessonId === null ? null : lessonIdSchema.parse(lessonId) }));
    },
    progress() {
      const result = new Map<string, { passedSteps: number; completed: boolean }>();
      for (const name of readdirSync(dir)) {
        const match = /^([a-z0-9][a-z0-9-]{0,63})\.json$/.exec(name);
        if (!match) continue;
        try {
          const work = lessonWorkSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
          const passedSteps = Object.values(work.steps).filter((entry) => entry.passed).length;
          result.set(match[1], { passedSteps, completed: work.completed });
        } catch {
          // A damaged file shows no progress here; opening the lesson sets it aside.
        }
      }
      return result;
    },
  };
};
