import * as Blockly from 'blockly';
import type { Locale } from '../../../common/i18n/locale';
import { generateProgramCode } from '../../../blocks/generate-program';
import { registerChispaBlocks } from '../../../blocks/register-blocks';

/** Loads workspace JSON into a headless Blockly workspace (no DOM) and returns it. */
export const loadHeadless = (state: unknown, locale: Locale = 'es'): Blockly.Workspace => {
  registerChispaBlocks(locale);
  const workspace = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(state as Record<string, unknown>, workspace);
  return workspace;
};

/** Workspace JSON in, program body out: exactly what the editor hands the runner. */
export const codeFor = (state: unknown): string => {
  const generator = registerChispaBlocks('es');
  const workspace = loadHeadless(state);
  try {
    return generateProgramCode(workspace, generator);
  } finally {
    workspace.dispose();
  }
};

/** Runs generated code as `async function program(api)` against any api object. */
export const runProgram = async (code: string, api: unknown): Promise<void> => {
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (api: unknown) => Promise<void>;
  await new AsyncFunction('api', code)(api);
};
