import { z } from 'zod';
import { defineCall } from './define';
import { projectFileSchema } from '../projects/project-file';

/**
 * Projects kept by main in the data folder's projects/ directory. Today: the autosave (the
 * child's current work, written atomically after each change and restored at start). Opening
 * and saving named project files happens in the renderer (download / file picker).
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
    result: z.object({ savedAt: z.string() }),
    access: 'student',
  }),
  /** Keeps an autosave the editor could not load aside, so the next save does not erase it. */
  'projects.setAsideAutosave': defineCall({
    args: z.object({}).strict(),
    result: z.object({ setAside: z.string().nullable() }),
    access: 'student',
  }),
};

export type ProjectCallName = keyof typeof projectCalls;
