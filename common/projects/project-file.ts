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

/**
 * More blocks than a classroom program ever has (hundreds), few enough to load without freezing
 * the tab. Counted over every block, shadows and nested ones too, wherever a project comes from.
 */
export const maxProjectBlocks = 1000;
export const tooManyBlocksKey = 'editor.open.error.too-many-blocks';

type Connection = { block?: unknown; shadow?: unknown } | undefined;

/** Blocks in a workspace state, counted without recursion; stops once past `stopAfter`. */
export const countProjectBlocks = (workspace: unknown, stopAfter = maxProjectBlocks): number => {
  const top = (workspace as { blocks?: { blocks?: unknown } } | null)?.blocks?.blocks;
  const pending: unknown[] = Array.isArray(top) ? [...top] : [];
  let count = 0;
  while (pending.length > 0 && count <= stopAfter) {
    const block = pending.pop();
    if (!block || typeof block !== 'object') continue;
    count += 1;
    const { inputs, next } = block as { inputs?: unknown; next?: Connection };
    const connections: Connection[] = [next];
    if (inputs && typeof inputs === 'object') connections.push(...(Object.values(inputs) as Connection[]));
    for (const connection of connections) {
      if (!connection || typeof connection !== 'object') continue;
      pending.push(connection.block, connection.shadow);
    }
  }
  return count;
};

const blockStateSchema = z.looseObject({ type: z.string().min(1).max(100) });

export const workspaceStateSchema = z
  .looseObject({
    blocks: z
      .looseObject({
        languageVersion: z.number().int(),
        blocks: z.array(blockStateSchema).max(5000),
      })
      .optional(),
    variables: z
      .array(
        z.looseObject({ name: z.string().max(200), id: z.string().max(200), type: z.string().optional() }),
      )
      .max(1000)
      .optional(),
  })
  .refine((workspace) => countProjectBlocks(workspace) <= maxProjectBlocks, {
    message: tooManyBlocksKey,
    params: { max: maxProjectBlocks },
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
