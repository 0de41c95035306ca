import type * as Blockly from 'blockly';
import { t } from '../i18n/i18n';

const num = (value: number) => ({ shadow: { type: 'math_number', fields: { NUM: value } } });
const blockOf = (type: string, inputs?: Record<string, unknown>) => ({
  kind: 'block',
  type,
  ...(inputs ? { inputs } : {}),
});

const category = (key: string, style: string, contents: object[]) => ({
  kind: 'category',
  name: t(`editor.category.${key}`),
  categorystyle: style,
  // Stable hook for tests and for lessons that open a category.
  toolboxitemid: `category-${key}`,
  contents,
});

/** Blocks the dynamic Variables and Functions categories offer (a lesson allows them by these types). */
export const dynamicCategoryBlocks: Record<string, string[]> = {
  'category-variables': ['variables_get', 'variables_set', 'math_change'],
  'category-functions': ['procedures_defnoreturn', 'procedures_defreturn', 'procedures_callnoreturn'],
};

type ToolboxItem = { kind: string; type?: string; toolboxitemid?: string; contents?: ToolboxItem[] };

/**
 * Keeps only the blocks a lesson step allows (null = everything): categories left empty go, and
 * so does the separator when one side of it is empty.
 */
const narrow = (items: ToolboxItem[], allowed: ReadonlySet<string>): ToolboxItem[] => {
  const kept = items.flatMap((item): ToolboxItem[] => {
    if (item.kind !== 'category') return [item];
    const dynamic = item.toolboxitemid ? dynamicCategoryBlocks[item.toolboxitemid] : undefined;
    if (dynamic) return dynamic.some((type) => allowed.has(type)) ? [item] : [];
    const contents = (item.contents ?? []).filter(
      (entry) => entry.type !== undefined && allowed.has(entry.type),
    );
    return contents.length > 0 ? [{ ...item, contents }] : [];
  });
  return kept.filter(
    (item, index) =>
      item.kind !== 'sep' || (index > 0 && index < kept.length - 1 && kept[index + 1].kind !== 'sep'),
  );
};

/**
 * The toolbox: Chispa's kit first (what children came for), then Blockly's logic, loops, math,
 * text, variables and functions. Category names follow the current language; rebuilt on switch.
 * Leaves out Blockly blocks that cannot work in the runner (e.g. text prompts: no window there).
 * A lesson step narrows it to the block types it allows.
 */
export const buildToolbox = (
  allowed: ReadonlySet<string> | null = null,
): Blockly.utils.toolbox.ToolboxDefinition => {
  const full = {
    kind: 'categoryToolbox',
    contents: [
      category('leds', 'chispa_leds_category', [
        blockOf('chispa_led_set'),
        blockOf('chispa_led_blink', { TIMES: num(3), MS: num(500) }),
        blockOf('chispa_led_brightness', { PERCENT: num(50) }),
        blockOf('chispa_digital_write', {
          VALUE: { shadow: { type: 'chispa_pin_state', fields: { STATE: '1' } } },
        }),
        blockOf('chispa_pin_state'),
        blockOf('chispa_digital_read'),
      ]),
      category('buttons', 'chispa_inputs_category', [
        blockOf('chispa_when_button_pressed'),
        blockOf('chispa_button_pressed'),
      ]),
      category('sensors', 'chispa_sensors_category', [
        blockOf('chispa_potentiometer'),
        blockOf('chispa_light_level'),
        blockOf('chispa_distance_cm'),
        blockOf('chispa_analog_read'),
      ]),
      category('motion', 'chispa_motion_category', [blockOf('chispa_servo_write', { ANGLE: num(90) })]),
      category('sound', 'chispa_sound_category', [
        blockOf('chispa_tone', {
          FREQUENCY: {
            shadow: { type: 'math_number', fields: { NUM: 262 } },
            block: { type: 'chispa_note' },
          },
          DURATION: num(500),
        }),
        blockOf('chispa_tone', { FREQUENCY: num(440), DURATION: num(500) }),
        blockOf('chispa_note'),
        blockOf('chispa_no_tone'),
      ]),
      category('time', 'chispa_time_category', [
        blockOf('chispa_wait_ms', { MS: num(1000) }),
        blockOf('chispa_wait_seconds', { SECONDS: num(1) }),
        blockOf('chispa_millis'),
        blockOf('chispa_timer_reset'),
        blockOf('chispa_timer_seconds'),
      ]),
      category('console', 'chispa_console_category', [
        blockOf('chispa_print', { VALUE: { shadow: { type: 'text', fields: { TEXT: '¡Hola!' } } } }),
      ]),
      { kind: 'sep' },
      category('logic', 'logic_category', [
        blockOf('controls_if'),
        { kind: 'block', type: 'controls_if', extraState: { hasElse: true } },
        blockOf('logic_compare'),
        blockOf('logic_operation'),
        blockOf('logic_negate'),
        blockOf('logic_boolean'),
      ]),
      category('loops', 'loop_category', [
        blockOf('chispa_forever'),
        blockOf('controls_repeat_ext', { TIMES: num(10) }),
        blockOf('controls_whileUntil'),
        blockOf('controls_for', { FROM: num(1), TO: num(10), BY: num(1) }),
        blockOf('controls_flow_statements'),
      ]),
      category('math', 'math_category', [
        blockOf('math_number'),
        blockOf('math_arithmetic', { A: num(1), B: num(1) }),
        blockOf('math_random_int', { FROM: num(1), TO: num(6) }),
        blockOf('math_round', { NUM: num(3.1) }),
        blockOf('math_modulo', { DIVIDEND: num(10), DIVISOR: num(3) }),
        blockOf('math_constrain', { VALUE: num(50), LOW: num(0), HIGH: num(100) }),
        blockOf('math_number_property', { NUMBER_TO_CHECK: num(0) }),
        blockOf('math_single', { NUM: num(9) }),
      ]),
      category('text', 'text_category', [
        blockOf('text'),
        blockOf('text_join'),
        blockOf('text_length', { VALUE: { shadow: { type: 'text', fields: { TEXT: 'abc' } } } }),
      ]),
      {
        kind: 'category',
        name: t('editor.category.variables'),
        categorystyle: 'variable_category',
        custom: 'VARIABLE',
        toolboxitemid: 'category-variables',
      },
      {
        kind: 'category',
        name: t('editor.category.functions'),
        categorystyle: 'procedure_category',
        custom: 'PROCEDURE',
        toolboxitemid: 'category-functions',
      },
    ] as ToolboxItem[],
  };
  const contents = allowed ? narrow(full.contents, allowed) : full.contents;
  return { ...full, contents } as unknown as Blockly.utils.toolbox.ToolboxDefinition;
};
