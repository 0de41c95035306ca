import { Order, type JavascriptGenerator } from 'blockly/javascript';
import { definitionsOf, type KitGenerator } from './kit-generator-helpers';

const procedureDefinitionTypes = ['procedures_defnoreturn', 'procedures_defreturn'] as const;

/**
 * Blockly's JavaScript generators for functions ("procedures"), made async: a student's
 * function may wait or read a pin, so every definition is `async function` and every call is
 * awaited. Built from the stock generators passed in (taken once, before overriding).
 */
export const asyncProcedureGenerators = (
  stock: JavascriptGenerator['forBlock'],
): Record<string, KitGenerator> => {
  const overrides: Record<string, KitGenerator> = {};
  for (const type of procedureDefinitionTypes) {
    const original = stock[type];
    overrides[type] = (block, generator) => {
      const result = original.call(generator, block, generator);
      const name = generator.getProcedureName(block.getFieldValue('NAME'));
      const key = `%${name}`;
      const definitions = definitionsOf(generator);
      const definition = definitions[key];
      if (typeof definition === 'string') {
        definitions[key] = definition.replace(`function ${name}(`, `async function ${name}(`);
      }
      return result as string | null;
    };
  }
  const originalCall = stock['procedures_callreturn'];
  const awaitedCall: KitGenerator = (block, generator) => {
    const [code] = originalCall.call(generator, block, generator) as [string, Order];
    return [`await ${code}`, Order.AWAIT];
  };
  overrides['procedures_callreturn'] = awaitedCall;
  overrides['procedures_callnoreturn'] = (block, generator) =>
    `${(awaitedCall(block, generator) as [string, Order])[0]};\n`;
  return overrides;
};
