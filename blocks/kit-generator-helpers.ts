import type { Block } from 'blockly';
import { Order, type JavascriptGenerator } from 'blockly/javascript';
import { wholeNumber } from './kit-options';

/** A generator for one block type: statement code, [expression, precedence], or null. */
export type KitGenerator = (block: Block, generator: JavascriptGenerator) => string | [string, Order] | null;

/** Block JSON as createBlockDefinitionsFromJsonArray takes it. */
export type BlockJson = { type: string } & Record<string, unknown>;

/** A family of kit blocks: their JSON definitions and their generators, no side effects. */
export interface KitBlockSet {
  definitions: BlockJson[];
  generators: Record<string, KitGenerator>;
}

/** Code of a value input, or a default when the socket is empty. */
export const valueOf = (
  block: Block,
  generator: JavascriptGenerator,
  input: string,
  order: Order,
  fallback: string,
): string => generator.valueToCode(block, input, order) || fallback;

/** A dropdown pin as a number literal (never raw text from a file: it could be code). */
export const pinOf = (block: Block, field = 'PIN', fallback = 13): string =>
  String(wholeNumber(block.getFieldValue(field), fallback));

/** Emits "<percent 0-100> → 0-255" for PWM, clamped so a child's 150 % is simply full. */
export const percentToPwm = (percent: string): string =>
  `Math.round(Math.min(Math.max(Number(${percent}), 0), 100) * 255 / 100)`;

/** Emits "analog reading 0-1023 → whole percent 0-100". */
export const analogPercent = (channel: string): [string, Order] => [
  `Math.round((await api.analogRead(${channel})) * 100 / 1023)`,
  Order.FUNCTION_CALL,
];

/**
 * The generator's table of code placed before the program (helper functions, declarations).
 * Blockly marks it protected but documents it for block generators to use.
 */
export const definitionsOf = (generator: JavascriptGenerator): Record<string, string> =>
  (generator as unknown as { definitions_: Record<string, string> }).definitions_;
