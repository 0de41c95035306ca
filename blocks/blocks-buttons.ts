import { Order, type JavascriptGenerator } from 'blockly/javascript';
import { digitalPinOptions, startingWith } from './kit-options';
import { kitStyles } from './kit-styles';
import { definitionsOf, pinOf, type KitBlockSet } from './kit-generator-helpers';

/**
 * The generated program keeps its "when … pressed" tasks here and waits for them at the end
 * (see generate-program.ts), so a program made only of event blocks keeps running.
 */
export const eventTasksName = 'chispaTasks';
export const whenButtonPressedType = 'chispa_when_button_pressed';
/** How often an event block looks at its button. 20 ms feels instant and lets others run. */
export const buttonPollMs = 20;

const buttonPin = { type: 'field_dropdown', name: 'PIN', options: startingWith(2, digitalPinOptions) };

/**
 * Buttons. A button is "pressed" when its pin reads 1 (HIGH): the kit wires buttons between
 * the pin and 5 V with a pull-down resistor, like Arduino's Button example.
 *
 * The hat "when button on pin N is pressed" generates a task started before the main code:
 *   chispaTasks.push((async () => {
 *     let was = false;
 *     while (true) {
 *       const now = (await api.digitalRead(N)) === 1;
 *       if (now && !was) { …body… }
 *       was = now;
 *       await api.wait(20);
 *     }
 *   })());
 * The body runs once per press (on the rising edge). Tasks and the main blocks share the
 * worker cooperatively: each runs until its next await. When event blocks exist, the main
 * blocks become one more task and the program ends with `await Promise.all(chispaTasks)`
 * (see withEventTasks): it keeps listening after the main blocks end, and an error in any
 * task ends the whole program at once, even while the main blocks loop forever.
 */
export const buttonBlocks: KitBlockSet = {
  definitions: [
    {
      type: 'chispa_button_pressed',
      message0: '%{BKY_CHISPA_BUTTON_PRESSED}',
      args0: [buttonPin],
      output: 'Boolean',
      style: kitStyles.inputs,
      tooltip: '%{BKY_CHISPA_BUTTON_PRESSED_TOOLTIP}',
    },
    {
      type: whenButtonPressedType,
      message0: '%{BKY_CHISPA_WHEN_BUTTON_PRESSED}',
      args0: [buttonPin],
      message1: '%1',
      args1: [{ type: 'input_statement', name: 'DO' }],
      style: kitStyles.inputs,
      tooltip: '%{BKY_CHISPA_WHEN_BUTTON_PRESSED_TOOLTIP}',
    },
  ],
  generators: {
    chispa_button_pressed: (block) => [
      `(await api.digitalRead(${pinOf(block, 'PIN', 2)})) === 1`,
      Order.EQUALITY,
    ],
    [whenButtonPressedType]: (block, generator) => {
      const names = generator.nameDB_!;
      const was = names.getDistinctName('wasPressed', 'VARIABLE');
      const now = names.getDistinctName('pressed', 'VARIABLE');
      const body = generator.prefixLines(generator.statementToCode(block, 'DO'), generator.INDENT.repeat(2));
      const i1 = generator.INDENT;
      const i2 = i1.repeat(2);
      definitionsOf(generator)[eventTasksName] = `var ${eventTasksName} = [];`;
      definitionsOf(generator)[`${whenButtonPressedType}_${block.id}`] =
        `${eventTasksName}.push((async () => {\n` +
        `${i1}let ${was} = false;\n` +
        `${i1}while (true) {\n` +
        `${i2}const ${now} = (await api.digitalRead(${pinOf(block, 'PIN', 2)})) === 1;\n` +
        `${i2}if (${now} && !${was}) {\n` +
        body +
        `${i2}}\n` +
        `${i2}${was} = ${now};\n` +
        `${i2}await api.wait(${buttonPollMs});\n` +
        `${i1}}\n` +
        `})());`;
      return null;
    },
  },
};

/**
 * Program code around the main blocks when event blocks made tasks (called from the
 * generator's finish, before the definitions are put on top).
 */
export const withEventTasks = (mainCode: string, generator: JavascriptGenerator): string => {
  if (!definitionsOf(generator)[eventTasksName]) return mainCode;
  const main = mainCode.trim()
    ? `${eventTasksName}.push((async () => {\n${generator.prefixLines(mainCode, generator.INDENT)}})());\n`
    : '';
  return `${main}await Promise.all(${eventTasksName});\n`;
};
