import type { Workspace } from 'blockly';
import type { JavascriptGenerator } from 'blockly/javascript';

/**
 * The body of `async function program(api)` for a workspace: Blockly's code for every stack,
 * top to bottom (with event blocks, as tasks: see blocks-buttons.ts). The one entry point the
 * editor, the tests and the benchmark use.
 */
export const generateProgramCode = (workspace: Workspace, generator: JavascriptGenerator): string =>
  generator.workspaceToCode(workspace);
