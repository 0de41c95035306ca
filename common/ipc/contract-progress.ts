import { z } from 'zod';
import { defineCall } from './define';

/**
 * Lesson progress (issue 12, point 4): who is doing the lesson steps on this PC (a child from
 * today's check-in, or "anónimo"), and the staff view of progress per child and per lesson.
 */

/** The child this PC records passed steps for; remembered until "Nuevo" or another child. */
export type ProgressLearner =
  { kind: 'none' } | { kind: 'anonymous' } | { kind: 'person'; personId: string; displayName: string };

export interface ProgressChoice {
  learner: ProgressLearner;
  /** Learners checked in (present) to one of today's sessions on this PC. */
  today: Array<{ personId: string; displayName: string }>;
}

export interface ChildProgress {
  personId: string;
  displayName: string;
  stepsDone: number;
  lessonsDone: number;
  lessons: Array<{ lessonId: string; stepsDone: number; done: boolean }>;
}

export interface LessonProgressSummary {
  lessonId: string;
  /** Children (named or anonymous runs) who completed every step. */
  childrenDone: number;
  /** Children with at least one step passed. */
  childrenStarted: number;
  stepsDone: number;
}

export interface ProgressReport {
  children: ChildProgress[];
  anonymous: { stepsDone: number; lessonsDone: number };
  lessons: LessonProgressSummary[];
}

const empty = z.object({}).strict();

export const progressCalls = {
  'progress.choice': defineCall({ args: empty, result: z.custom<ProgressChoice>(), access: 'student' }),
  /** personId null: "anónimo". A person must be checked in today (`progress.not-checked-in`). */
  'progress.choose': defineCall({
    args: z.object({ personId: z.string().uuid().nullable() }).strict(),
    result: z.custom<ProgressChoice>(),
    access: 'student',
  }),
  /** "Nuevo": nobody is chosen until the next child picks their name. */
  'progress.forget': defineCall({ args: empty, result: z.custom<ProgressChoice>(), access: 'student' }),
  'progress.report': defineCall({ args: empty, result: z.custom<ProgressReport>(), access: 'staff' }),
};
