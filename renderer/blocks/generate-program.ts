import type { Workspace } from 'blockly';
import type { JavascriptGenerator } from 'blockly/javascript';
import { eventTasksName, whenButtonPressedType } from './blocks-buttons';

/**
 * The body of `async function program(api)` for a workspace: Blockly's code for every stack
 * (top to bottom), then, when event blocks exist, a wait on their tasks so the program keeps
 * listening for button presses after the main blocks end.
 */
export const generateProgramCode = (workspace: Workspace, generator: JavascriptGenerator): string => {
  const code = generator.workspaceToCode(workspace);
  const hasEvents = workspace
    .getBlocksByType(whenButtonPressedType, false)
    .some((block) => block.isEnabled() && !block.getParent());
  return hasEvents ? `${code}\nawait Promise.all(${eventTasksName});\n` : code;
};
