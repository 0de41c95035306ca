import { z } from 'zod';

/**
 * A Chispa project file (<name>.chispa.json, also the autosave): a small envelope around
 * Blockly's JSON serialisation of the workspace. The envelope is checked strictly; the blocks
 * themselves are checked by loading them into Blockly (renderer/projects/check-project.ts).
 */
export const projectFormat = 'chispa-project';
export const projectFileVersion = 1;
/** Larger than any classroom program; keeps a wrong file from filling memory or the disk. */
export const maxProjectBytes = 5 * 1024 * 1024;

const blockStateSchema = z.looseObject({ type: z.string().min(1).max(100) });

export const workspaceStateSchema = z.looseObject({
  blocks: z
    .looseObject({
      languageVersion: z.number().int(),
      blocks: z.array(blockStateSchema).max(5000),
    })
    .optional(),
  variables: z
    .array(z.looseObject({ name: z.string().max(200), id: z.string().max(200), type: z.string().optional() }))
    .max(1000)
    .optional(),
});

export const projectFileSchema = z.object({
  format: z.literal(projectFormat),
  version: z.literal(projectFileVersion),
  name: z.string().trim().min(1).max(120),
  savedAt: z.string().max(40),
  workspace: workspaceStateSchema,
});

export type ProjectFile = z.infer<typeof projectFileSchema>;
export type WorkspaceState = z.infer<typeof workspaceStateSchema>;

export const makeProjectFile = (name: string, workspace: unknown, savedAt = new Date()): ProjectFile => ({
  format: projectFormat,
  version: projectFileVersion,
  name,
  savedAt: savedAt.toISOString(),
  workspace: workspace as WorkspaceState,
});

/** "Mi robot: v2!" → "Mi-robot-v2.chispa.json" (safe on Windows, Linux and macOS). */
export const projectFileName = (name: string): string => {
  const safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60);
  return `${safe || 'proyecto'}.chispa.json`;
};
