import { Order } from 'blockly/javascript';
import { kitStyles } from './kit-styles';
import { definitionsOf, valueOf, type KitBlockSet } from './kit-generator-helpers';

/** Program-wide start of the "timer" blocks (reserved so no student variable takes it). */
export const timerStartName = 'chispaTimerStart';

const declareTimer = (definitions: Record<string, string>) => {
  definitions[timerStartName] = `var ${timerStartName} = 0;`;
};

export const foreverType = 'chispa_forever';

/** Repeating forever, waiting, time since start, a resettable timer, and printing to the console panel. */
export const timeAndConsoleBlocks: KitBlockSet = {
  definitions: [
    {
      type: 'chispa_wait_ms',
      message0: '%{BKY_CHISPA_WAIT_MS}',
      args0: [{ type: 'input_value', name: 'MS', check: 'Number' }],
      inputsInline: true,
      previousStatement: null,
      nextStatement: null,
      style: kitStyles.time,
      tooltip: '%{BKY_CHISPA_WAIT_MS_TOOLTIP}',
    },
    {
      type: 'chispa_wait_seconds',
      message0: '%{BKY_CHISPA_WAIT_SECONDS}',
      args0: [{ type: 'input_value', name: 'SECONDS', check: 'Number' }],
      inputsInline: true,
      previousStatement: null,
      nextStatement: null,
      style: kitStyles.time,
      tooltip: '%{BKY_CHISPA_WAIT_SECONDS_TOOLTIP}',
    },
    {
      type: 'chispa_millis',
      message0: '%{BKY_CHISPA_MILLIS}',
      output: 'Number',
      style: kitStyles.time,
      tooltip: '%{BKY_CHISPA_MILLIS_TOOLTIP}',
    },
    {
      type: 'chispa_timer_reset',
      message0: '%{BKY_CHISPA_TIMER_RESET}',
      previousStatement: null,
      nextStatement: null,
      style: kitStyles.time,
      tooltip: '%{BKY_CHISPA_TIMER_RESET_TOOLTIP}',
    },
    {
      type: 'chispa_timer_seconds',
      message0: '%{BKY_CHISPA_TIMER_SECONDS}',
      output: 'Number',
      style: kitStyles.time,
      tooltip: '%{BKY_CHISPA_TIMER_SECONDS_TOOLTIP}',
    },
    {
      type: 'chispa_print',
      message0: '%{BKY_CHISPA_PRINT}',
      args0: [{ type: 'input_value', name: 'VALUE' }],
      previousStatement: null,
      nextStatement: null,
      style: kitStyles.console,
      tooltip: '%{BKY_CHISPA_PRINT_TOOLTIP}',
    },
    {
      // "Repeat forever" without building `repeat while true`. Nothing can follow it.
      type: foreverType,
      message0: '%{BKY_CHISPA_FOREVER}',
      message1: '%1',
      args1: [{ type: 'input_statement', name: 'DO' }],
      previousStatement: null,
      style: 'loop_blocks',
      tooltip: '%{BKY_CHISPA_FOREVER_TOOLTIP}',
    },
  ],
  generators: {
    // Each turn ends with a zero wait: the worker yields, so prints, highlights and the board
    // answers get through even when the body never waits (Stop ends the worker in any case).
    [foreverType]: (block, generator) => {
      const body = generator.addLoopTrap(generator.statementToCode(block, 'DO'), block);
      return `while (true) {\n${body}${generator.INDENT}await api.wait(0);\n}\n`;
    },
    chispa_wait_ms: (block, generator) =>
      `await api.wait(${valueOf(block, generator, 'MS', Order.NONE, '1000')});\n`,
    chispa_wait_seconds: (block, generator) =>
      `await api.wait(${valueOf(block, generator, 'SECONDS', Order.MULTIPLICATION, '1')} * 1000);\n`,
    chispa_millis: () => ['api.millis()', Order.FUNCTION_CALL],
    chispa_timer_reset: (_block, generator) => {
      declareTimer(definitionsOf(generator));
      return `${timerStartName} = api.millis();\n`;
    },
    chispa_timer_seconds: (_block, generator) => {
      declareTimer(definitionsOf(generator));
      return [`(api.millis() - ${timerStartName}) / 1000`, Order.DIVISION];
    },
    chispa_print: (block, generator) =>
      `api.print(${valueOf(block, generator, 'VALUE', Order.NONE, "''")});\n`,
  },
};
