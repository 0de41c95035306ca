/**
 * Blockly without a page: workspace JSON in, program code or a workspace to inspect out. Main
 * uses it to generate a lesson check's program itself (it never runs code the renderer sent) and
 * to list the block types lessons may name.
 */
import * as Blockly from 'blockly';
import type { Locale } from '../common/i18n/locale';
import { generateProgramCode } from './generate-program';
import { registerChispaBlocks } from './register-blocks';

/**
 * Loads workspace JSON into a headless workspace, block texts in `locale`; the caller disposes it.
 * Throws on bad JSON shapes.
 */
export const loadHeadlessWorkspace = (state: unknown, locale: Locale = 'es'): Blockly.Workspace => {
  registerChispaBlocks(locale);
  const workspace = new Blockly.Workspace();
  try {
    Blockly.serialization.workspaces.load(state as Record<string, unknown>, workspace);
  } catch (error) {
    workspace.dispose();
    throw error;
  }
  return workspace;
};

/** The body of `async function program(api)` for a workspace, exactly as the editor generates it. */
export const programCodeFor = (state: unknown): string => {
  const generator = registerChispaBlocks('es');
  const workspace = loadHeadlessWorkspace(state);
  try {
    return generateProgramCode(workspace, generator);
  } finally {
    workspace.dispose();
  }
};

/** Every block type the editor knows: the kit's and Blockly's built-in ones. */
export const knownBlockTypes = (): ReadonlySet<string> => {
  registerChispaBlocks('es');
  return new Set(Object.keys(Blockly.Blocks));
};
