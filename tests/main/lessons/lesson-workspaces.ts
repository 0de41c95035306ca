/** Builders for Blockly workspace JSON (the shape the editor saves), for lesson check tests. */
type Block = Record<string, unknown>;

/** Links statement blocks with `next`, first to last. */
export const chain = (...blocks: Block[]): Block =>
  blocks.reduceRight<Block | null>((next, block) => (next ? { ...block, next: { block: next } } : block), null)!;

const number = (value: number) => ({ shadow: { type: 'math_number', fields: { NUM: value } } });

export const led = (pin: number, on: boolean): Block => ({
  type: 'chispa_led_set',
  fields: { PIN: String(pin), STATE: on ? '1' : '0' },
});
export const waitSeconds = (seconds: number): Block => ({
  type: 'chispa_wait_seconds',
  inputs: { SECONDS: number(seconds) },
});
export const waitMs = (ms: number): Block => ({ type: 'chispa_wait_ms', inputs: { MS: number(ms) } });
export const repeat = (times: number, body: Block): Block => ({
  type: 'controls_repeat_ext',
  inputs: { TIMES: number(times), DO: { block: body } },
});
export const whileTrue = (body: Block): Block => ({
  type: 'controls_whileUntil',
  fields: { MODE: 'WHILE' },
  inputs: { BOOL: { block: { type: 'logic_boolean', fields: { BOOL: 'TRUE' } } }, DO: { block: body } },
});
export const buttonPressed = (pin: number): Block => ({ type: 'chispa_button_pressed', fields: { PIN: String(pin) } });
export const ifElse = (condition: Block, then: Block, otherwise: Block): Block => ({
  type: 'controls_if',
  extraState: { hasElse: true },
  inputs: { IF0: { block: condition }, DO0: { block: then }, ELSE: { block: otherwise } },
});
export const tone = (pin: number, hz: number, ms: number): Block => ({
  type: 'chispa_tone',
  fields: { PIN: String(pin) },
  inputs: { FREQUENCY: number(hz), DURATION: number(ms) },
});
export const noTone = (pin: number): Block => ({ type: 'chispa_no_tone', fields: { PIN: String(pin) } });
export const servo = (pin: number, angle: number): Block => ({
  type: 'chispa_servo_write',
  fields: { PIN: String(pin) },
  inputs: { ANGLE: number(angle) },
});
export const brightness = (pin: number, percent: number): Block => ({
  type: 'chispa_led_brightness',
  fields: { PIN: String(pin) },
  inputs: { PERCENT: number(percent) },
});
export const distance = (pin: number): Block => ({ type: 'chispa_distance_cm', fields: { PIN: String(pin) } });
export const lessThan = (left: Block, right: number): Block => ({
  type: 'logic_compare',
  fields: { OP: 'LT' },
  inputs: { A: { block: left }, B: { block: { type: 'math_number', fields: { NUM: right } } } },
});
export const print = (text: string): Block => ({
  type: 'chispa_print',
  inputs: { VALUE: { shadow: { type: 'text', fields: { TEXT: text } } } },
});

/** A workspace with these top blocks (each a stack). */
export const workspaceOf = (...tops: Block[]) => ({
  blocks: { languageVersion: 0, blocks: tops.map((block, index) => ({ ...block, x: 20, y: 20 + index * 200 })) },
});
