import * as Blockly from 'blockly';
import { describe, expect, it } from 'vitest';
import { kitBlockTypes } from '../../../blocks/kit-blocks';
import { registerChispaBlocks } from '../../../blocks/register-blocks';
import { buildToolbox, dynamicCategoryBlocks } from '../../../renderer/editor/toolbox';

/**
 * Registered block types the toolbox leaves out on purpose. Everything else a child could meet
 * in a lesson or a file must be reachable from the toolbox.
 */
const notInToolbox: Record<string, string> = {
  // Blockly built-ins Chispa does not teach (lists, colours, advanced text and math, prompts).
  ...Object.fromEntries(
    [
      'controls_forEach',
      'controls_repeat', // the toolbox offers controls_repeat_ext, which takes any number
      'controls_ifelse',
      'lists_create_empty',
      'lists_create_with',
      'lists_getIndex',
      'lists_getSublist',
      'lists_indexOf',
      'lists_isEmpty',
      'lists_length',
      'lists_repeat',
      'lists_reverse',
      'lists_setIndex',
      'lists_sort',
      'lists_split',
      'logic_null',
      'logic_ternary',
      'math_atan2',
      'math_constant',
      'math_on_list',
      'math_random_float',
      'math_trig',
      'procedures_ifreturn',
      'text_append',
      'text_changeCase',
      'text_charAt',
      'text_count',
      'text_getSubstring',
      'text_indexOf',
      'text_isEmpty',
      'text_print',
      'text_prompt',
      'text_prompt_ext',
      'text_replace',
      'text_reverse',
      'text_trim',
    ].map((type) => [type, 'Blockly built-in not offered']),
  ),
  // The typed-variable flavour (the toolbox has the plain Variables category).
  variables_get_dynamic: 'dynamic variables not offered',
  variables_set_dynamic: 'dynamic variables not offered',
  // Blockly's Functions flyout adds a call block for each function the child defined.
  procedures_callreturn: 'offered by the Functions category once a function returns a value',
  // Mutator sub-blocks: they live only inside the gear bubble of their parent block.
  controls_if_if: 'mutator part',
  controls_if_elseif: 'mutator part',
  controls_if_else: 'mutator part',
  lists_create_with_container: 'mutator part',
  lists_create_with_item: 'mutator part',
  procedures_mutatorcontainer: 'mutator part',
  procedures_mutatorarg: 'mutator part',
  text_create_join_container: 'mutator part',
  text_create_join_item: 'mutator part',
};

type Item = { type?: string; contents?: Item[]; inputs?: Record<string, { shadow?: Item; block?: Item }> };

const typesIn = (items: Item[], found = new Set<string>()): Set<string> => {
  for (const item of items) {
    if (item.type) found.add(item.type);
    for (const input of Object.values(item.inputs ?? {}))
      typesIn([input.shadow ?? {}, input.block ?? {}], found);
    typesIn(item.contents ?? [], found);
  }
  return found;
};

describe('the toolbox offers every registered block', () => {
  registerChispaBlocks('es');
  const toolbox = buildToolbox() as unknown as { contents: Item[] };
  const reachable = typesIn(toolbox.contents);
  for (const dynamic of Object.values(dynamicCategoryBlocks)) dynamic.forEach((type) => reachable.add(type));

  it('reaches every kit block and every registered Blockly block but the commented exceptions', () => {
    const registered = Object.keys(Blockly.Blocks);
    expect(kitBlockTypes.every((type) => registered.includes(type))).toBe(true);
    const missing = registered.filter((type) => !reachable.has(type) && !(type in notInToolbox));
    expect(missing).toEqual([]);
  });

  it('keeps the exception list honest: no kit block in it, and each exception is registered and really absent', () => {
    for (const type of Object.keys(notInToolbox)) {
      expect(kitBlockTypes).not.toContain(type);
      expect(Object.keys(Blockly.Blocks)).toContain(type);
      expect(reachable.has(type), `${type} is in the toolbox`).toBe(false);
    }
  });
});
