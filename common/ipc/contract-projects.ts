import { z } from 'zod';
import { defineCall } from './define';
import { projectFileSchema, projectIdSchema } from '../projects/project-file';

const recentProjectSchema = z.object({
  id: projectIdSchema,
  name: z.string(),
  savedAt: z.string(),
  blockCount: z.number().int().nonnegative(),
});
export type RecentProjectInfo = z.infer<typeof recentProjectSchema>;

/**
 * Projects kept by main in the data folder's projects/ directory: every project a child worked
 * on (one file each, written atomically after each change) and which one is open, restored at
 * start. "Nuevo" and opening a listed project switch projects without deleting any. Saving and
 * opening named files happens in the renderer (download / file picker).
 */
export const projectCalls = {
  'projects.loadAutosave': defineCall({
    args: z.object({}).strict(),
    result: z.object({
      project: projectFileSchema.nullable(),
      /** Set when the autosave was damaged: the file name it was kept under. */
      setAside: z.string().nullable(),
    }),
    access: 'student',
  }),
  'projects.saveAutosave': defineCall({
    args: z.object({ project: projectFileSchema }).strict(),
    result: z.object({ savedAt: z.string(), id: projectIdSchema }),
    access: 'student',
  }),
  /** Keeps an autosave the editor could not load aside, so the next save does not erase it. */
  'projects.setAsideAutosave': defineCall({
    args: z.object({}).strict(),
    result: z.object({ setAside: z.string().nullable() }),
    access: 'student',
  }),
  /** "Nuevo": no project is open until the next change; the one before stays in the list. */
  'projects.startNew': defineCall({
    args: z.object({}).strict(),
    result: z.object({}),
    access: 'student',
  }),
  /** "Mis proyectos": the most recently changed projects on this PC, newest first. */
  'projects.listRecent': defineCall({
    args: z.object({}).strict(),
    result: z.object({ projects: z.array(recentProjectSchema) }),
    access: 'student',
  }),
  /** Opens a listed project and makes it the one restored at the next start. */
  'projects.openRecent': defineCall({
    args: z.object({ id: projectIdSchema }).strict(),
    result: z.object({ project: projectFileSchema }),
    access: 'student',
  }),
};

export type ProjectCallName = keyof typeof projectCalls;
