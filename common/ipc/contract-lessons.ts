import { z } from 'zod';
import { defineCall } from './define';
import { localeSchema, type Locale } from '../i18n/locale';
import { workspaceStateSchema } from '../projects/project-file';
import { lessonIdSchema, type LessonWork } from './lesson-work-schema';
import type { CheckResult, Lesson, LessonAudience } from '../lessons/lesson-types';
import type { ActivityType } from './attendance-schemas';

export type LessonSource = 'shipped' | 'imported';

/** One line of the lesson list: enough to filter (audience, level) and to show done marks. */
export interface LessonSummary {
  id: string;
  source: LessonSource;
  title: Record<Locale, string>;
  audience: LessonAudience[];
  level: number;
  durationMin: number;
  activityType: ActivityType;
  stepCount: number;
  passedSteps: number;
  completed: boolean;
}

/** A lesson as the student screen gets it: reference solutions and staff notes left out. */
export type LessonForStudent = Lesson;

const stepSchema = z.number().int().min(0).max(200);

/**
 * A pack picked by an instructor: a zip, or the files of a folder (path as the browser gives it,
 * relative to the folder's parent). Bytes travel as base64; main checks everything again.
 */
export const lessonPackSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('zip'), name: z.string().min(1).max(260), base64: z.string().max(7_200_000) })
    .strict(),
  z
    .object({
      kind: z.literal('folder'),
      name: z.string().min(1).max(260),
      files: z
        .array(z.object({ path: z.string().min(1).max(1000), base64: z.string().max(3_000_000) }).strict())
        .max(500),
    })
    .strict(),
]);
export type LessonPack = z.infer<typeof lessonPackSchema>;

/**
 * Lessons (issue 10): the list, one lesson with the child's saved work, autosave of each step's
 * blocks, "Comprobar" (main runs the checks on the virtual Uno: the renderer sends the workspace
 * JSON, never code), scenario answers, and pack import for instructors.
 */
export const lessonCalls = {
  'lessons.list': defineCall({
    args: z.object({}).strict(),
    /** openLesson: the lesson the child had open (reopened after a reload or a restart). */
    result: z.custom<{ lessons: LessonSummary[]; openLesson: string | null }>(),
    access: 'student',
  }),
  /** Back to the lesson list (the work stays; nothing reopens at the next start). */
  'lessons.close': defineCall({
    args: z.object({}).strict(),
    result: z.object({ closed: z.literal(true) }),
    access: 'student',
  }),
  'lessons.open': defineCall({
    args: z.object({ id: lessonIdSchema }).strict(),
    result: z.custom<{ lesson: LessonForStudent; source: LessonSource; work: LessonWork }>(),
    access: 'student',
  }),
  'lessons.saveWork': defineCall({
    args: z.object({ id: lessonIdSchema, step: stepSchema, workspace: workspaceStateSchema }).strict(),
    result: z.object({ savedAt: z.string() }),
    access: 'student',
  }),
  'lessons.check': defineCall({
    args: z
      .object({ id: lessonIdSchema, step: stepSchema, workspace: workspaceStateSchema, locale: localeSchema })
      .strict(),
    result: z.custom<{
      result: CheckResult;
      work: LessonWork;
      /** A real kit is connected: the check ran on the virtual Uno all the same. */
      realKitConnected: boolean;
    }>(),
    access: 'student',
  }),
  'lessons.answer': defineCall({
    args: z
      .object({ id: lessonIdSchema, step: stepSchema, choice: z.number().int().min(0).max(20) })
      .strict(),
    result: z.custom<{ correct: boolean; work: LessonWork }>(),
    access: 'student',
  }),
  /** An image a lesson's text shows, as checked bytes with their type (the panel makes a data: URL). */
  'lessons.image': defineCall({
    args: z.object({ id: lessonIdSchema, file: z.string().min(1).max(200) }).strict(),
    result: z.custom<{ contentType: 'image/png' | 'image/jpeg' | 'image/svg+xml'; base64: string }>(),
    access: 'student',
  }),
  /** Deletes an imported lesson; shipped lessons are refused, children's work is kept. */
  'lessons.deleteImported': defineCall({
    args: z.object({ id: lessonIdSchema }).strict(),
    result: z.object({ deleted: z.literal(true) }),
    access: 'staff',
  }),
  /**
   * Staff only: the instructor notes (```staff fences) of one step, in both languages; null where a
   * language has none. A student connection gets `staff-locked`; an unknown lesson `not-found`
   * (error.not-found); a step outside the lesson `bad-request` (error.bad-request).
   */
  'lessons.staffNotes': defineCall({
    args: z.object({ id: lessonIdSchema, step: stepSchema }).strict(),
    result: z.custom<{ notes: Record<Locale, string | null> }>(),
    access: 'staff',
  }),
  'lessons.importPack': defineCall({
    args: z.object({ pack: lessonPackSchema, locale: localeSchema }).strict(),
    result: z.custom<{ lessons: Array<{ id: string; title: Record<Locale, string>; replaced: boolean }> }>(),
    access: 'staff',
  }),
};

export type LessonCallName = keyof typeof lessonCalls;
