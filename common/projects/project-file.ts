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

/**
 * Which project on this PC a file is (its autosave file is <id>.chispa.json in projects/).
 * A file opened from elsewhere gets a new id, so it never overwrites work kept here.
 */
export const projectIdSchema = z.string().regex(/^p-[a-z0-9]{4,40}$/);

/** A new id from random bytes (the caller's crypto: Node's or the browser's). */
export const projectIdFrom = (random: Uint8Array): string =>
  `p-${Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;

export const projectFileSchema = z.object({
  format: z.literal(projectFormat),
  version: z.literal(projectFileVersion),
  // A file edited by hand with a bad id still opens (it gets a new id then).
  id: projectIdSchema.optional().catch(undefined),
  name: z.string().trim().min(1).max(120),
  savedAt: z.string().max(40),
  workspace: workspaceStateSchema,
});

export type ProjectFile = z.infer<typeof projectFileSchema>;
export type WorkspaceState = z.infer<typeof workspaceStateSchema>;

export const makeProjectFile = (
  name: string,
  workspace: unknown,
  savedAt = new Date(),
  id?: string,
): ProjectFile => ({
  format: projectFormat,
  version: projectFileVersion,
  ...(id ? { id } : {}),
  name,
  savedAt: savedAt.toISOString(),
  workspace: workspace as WorkspaceState,
});
