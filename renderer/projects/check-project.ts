import * as Blockly from 'blockly';
import type { MessageParams } from '../../common/i18n/translate';
import {
  makeProjectFile,
  maxProjectBlocks,
  maxProjectBytes,
  projectFileSchema,
  tooManyBlocksKey,
  type ProjectFile,
} from '../../common/projects/project-file';

/** Why a file could not be opened: a message key (editor.open.error.*) and its params. */
export class ProjectOpenError extends Error {
  constructor(
    readonly key: string,
    readonly params: MessageParams = {},
  ) {
    super(key);
    this.name = 'ProjectOpenError';
  }
}

type BlockState = { type?: unknown; inputs?: Record<string, ConnectionState>; next?: ConnectionState };
type ConnectionState = { block?: BlockState; shadow?: BlockState };

/** Every block type in a workspace state (blocks, shadows, inputs and next, all the way down). */
export const blockTypesOf = (workspace: { blocks?: { blocks?: unknown[] } }): Set<string> => {
  const types = new Set<string>();
  const visit = (block: BlockState | undefined) => {
    if (!block || typeof block !== 'object') return;
    if (typeof block.type === 'string') types.add(block.type);
    const connections = [...Object.values(block.inputs ?? {}), block.next];
    for (const connection of connections) {
      visit(connection?.block);
      visit(connection?.shadow);
    }
  };
  for (const block of workspace.blocks?.blocks ?? []) visit(block as BlockState);
  return types;
};

/** Loads the blocks into a throw-away headless workspace: only a state that loads is accepted. */
export const checkBlocksLoad = (workspace: ProjectFile['workspace']): void => {
  const unknown = [...blockTypesOf(workspace)].filter((type) => !Blockly.Blocks[type]);
  if (unknown.length > 0) {
    throw new ProjectOpenError('editor.open.error.unknown-blocks', {
      detail: unknown.slice(0, 5).join(', '),
    });
  }
  const scratch = new Blockly.Workspace();
  Blockly.Events.disable();
  try {
    Blockly.serialization.workspaces.load(
      workspace as Parameters<typeof Blockly.serialization.workspaces.load>[0],
      scratch,
    );
  } catch {
    throw new ProjectOpenError('editor.open.error.bad-blocks');
  } finally {
    Blockly.Events.enable();
    scratch.dispose();
  }
};

const looksLikeBareWorkspace = (data: unknown): boolean =>
  !!data && typeof data === 'object' && !('format' in data) && ('blocks' in data || 'variables' in data);

/**
 * A file's text → a project that is safe to load, or a ProjectOpenError. Plain Blockly
 * workspace JSON (without Chispa's envelope) is accepted too, under the file's name.
 */
export const parseProjectText = (text: string, nameFromFile: string): ProjectFile => {
  if (new TextEncoder().encode(text).length > maxProjectBytes) {
    throw new ProjectOpenError('editor.open.error.too-big', { mb: maxProjectBytes / (1024 * 1024) });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProjectOpenError('editor.open.error.not-json');
  }
  const candidate = looksLikeBareWorkspace(data) ? makeProjectFile(nameFromFile, data) : data;
  const parsed = projectFileSchema.safeParse(candidate);
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.message === tooManyBlocksKey))
      throw new ProjectOpenError(tooManyBlocksKey, { max: maxProjectBlocks });
    throw new ProjectOpenError('editor.open.error.not-project');
  }
  checkBlocksLoad(parsed.data.workspace);
  return parsed.data;
};

/** "robot.chispa.json" → "robot". */
export const projectNameFromFileName = (fileName: string): string =>
  fileName.replace(/\.chispa\.json$|\.json$/i, '').trim() || fileName;
