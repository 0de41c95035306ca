/**
 * Lesson checks on the blocks themselves (no program runs): a block used at least / at most n
 * times, a field value, nothing left loose, a variable named, the whole program within n blocks.
 * Returns the first check not met as a message key for the child.
 */
import * as Blockly from 'blockly';
import type { WorkspaceCheck } from '../common/lessons/lesson-types';

export interface WorkspaceCheckFailure {
  messageKey: string;
  params: Record<string, string | number>;
}

/** Top stacks that may stand alone: event hats and function definitions. */
const rootTypes = new Set(['chispa_when_button_pressed', 'procedures_defnoreturn', 'procedures_defreturn']);

const realBlocks = (workspace: Blockly.Workspace) =>
  workspace.getAllBlocks(false).filter((block) => !block.isShadow());

/** What the child reads on a block of this type (its text with default fields), e.g. "wait 1000 ms". */
const blockLabel = (type: string): string => {
  const scratch = new Blockly.Workspace();
  try {
    // toString() shows empty inputs as "?": leave them out ("esperar segundos").
    return scratch.newBlock(type).toString().replace(/\?/g, ' ').replace(/\s+/g, ' ').trim() || type;
  } catch {
    return type;
  } finally {
    scratch.dispose();
  }
};

export const judgeWorkspaceCheck = (
  check: WorkspaceCheck,
  workspace: Blockly.Workspace,
): WorkspaceCheckFailure | null => {
  switch (check.kind) {
    case 'uses': {
      const count = realBlocks(workspace).filter((block) => block.type === check.block).length;
      if (count < check.atLeast)
        return {
          messageKey: 'lessonCheck.uses.missing',
          params: { block: blockLabel(check.block), count: check.atLeast },
        };
      if (check.atMost !== null && count > check.atMost)
        return {
          messageKey: 'lessonCheck.uses.tooMany',
          params: { block: blockLabel(check.block), count: check.atMost },
        };
      return null;
    }
    case 'field': {
      const ok = realBlocks(workspace).some(
        (block) => block.type === check.block && String(block.getFieldValue(check.field)) === check.value,
      );
      return ok
        ? null
        : { messageKey: 'lessonCheck.field', params: { block: blockLabel(check.block), value: check.value } };
    }
    case 'no-loose-blocks': {
      const tops = workspace.getTopBlocks(false).filter((block) => !block.isShadow());
      const stacks = tops.filter((block) => !rootTypes.has(block.type));
      const loose = tops.some((block) => block.outputConnection !== null) || stacks.length > 1;
      return loose ? { messageKey: 'lessonCheck.looseBlocks', params: {} } : null;
    }
    case 'variable-named': {
      const names = workspace
        .getVariableMap()
        .getAllVariables()
        .map((variable) => variable.getName());
      return names.includes(check.name)
        ? null
        : { messageKey: 'lessonCheck.variable', params: { name: check.name } };
    }
    case 'uses-one-of': {
      const types = new Set(realBlocks(workspace).map((block) => block.type));
      return check.blocks.some((type) => types.has(type))
        ? null
        : {
            messageKey: 'lessonCheck.usesOneOf',
            params: { blocks: check.blocks.map(blockLabel).join(' · ') },
          };
    }
    case 'min-blocks': {
      const count = realBlocks(workspace).length;
      return count >= check.min
        ? null
        : { messageKey: 'lessonCheck.tooFewBlocks', params: { min: check.min, count } };
    }
    case 'max-blocks': {
      const count = realBlocks(workspace).length;
      return count <= check.max
        ? null
        : { messageKey: 'lessonCheck.tooManyBlocks', params: { max: check.max, count } };
    }
  }
};
