import { z } from 'zod';
import { workspaceStateSchema } from '../projects/project-file';

/** A lesson id: the folder name under lessons/ (shipped) or <data>/lessons/ (imported). */
export const lessonIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/**
 * One child's work on one lesson, kept by main in <data>/lesson-work/<lesson-id>.json: the step
 * they are on, each step's blocks and which steps passed their checks.
 */
export const lessonWorkSchema = z.object({
  format: z.literal('chispa-lesson-work'),
  version: z.literal(1),
  lessonId: lessonIdSchema,
  step: z.number().int().min(0).max(200),
  steps: z.record(
    z.string().regex(/^\d{1,3}$/),
    z.object({ workspace: workspaceStateSchema.nullable(), passed: z.boolean() }),
  ),
  completed: z.boolean(),
  savedAt: z.string().max(40),
});

export type LessonWork = z.infer<typeof lessonWorkSchema>;

export const emptyLessonWork = (lessonId: string): LessonWork => ({
  format: 'chispa-lesson-work',
  version: 1,
  lessonId,
  step: 0,
  steps: {},
  completed: false,
  savedAt: '',
});
