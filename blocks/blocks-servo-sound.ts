import { Order } from 'blockly/javascript';
import { digitalPinOptions, noteOptions, pwmPinOptions, startingWith } from './kit-options';
import { kitStyles } from './kit-styles';
import { pinOf, valueOf, type KitBlockSet } from './kit-generator-helpers';

const buzzerPin = { type: 'field_dropdown', name: 'PIN', options: startingWith(8, digitalPinOptions) };

/**
 * Servo and buzzer. "play tone" lasts as long as it says: the board ends the tone after the
 * duration (Firmata tone with a duration) and the program waits the same time, so a melody
 * is simply a stack of notes.
 */
export const servoAndSoundBlocks: KitBlockSet = {
  definitions: [
    {
      type: 'chispa_servo_write',
      message0: '%{BKY_CHISPA_SERVO_WRITE}',
      args0: [
        { type: 'field_dropdown', name: 'PIN', options: startingWith(6, pwmPinOptions) },
        { type: 'input_value', name: 'ANGLE', check: 'Number' },
      ],
      inputsInline: true,
      previousStatement: null,
      nextStatement: null,
      style: kitStyles.motion,
      tooltip: '%{BKY_CHISPA_SERVO_WRITE_TOOLTIP}',
    },
    {
      type: 'chispa_tone',
      message0: '%{BKY_CHISPA_TONE}',
      args0: [
        { type: 'input_value', name: 'FREQUENCY', check: 'Number' },
        { type: 'input_value', name: 'DURATION', check: 'Number' },
        buzzerPin,
      ],
      inputsInline: true,
      previousStatement: null,
      nextStatement: null,
      style: kitStyles.sound,
      tooltip: '%{BKY_CHISPA_TONE_TOOLTIP}',
    },
    {
      type: 'chispa_note',
      message0: '%{BKY_CHISPA_NOTE}',
      args0: [{ type: 'field_dropdown', name: 'NOTE', options: noteOptions }],
      output: 'Number',
      style: kitStyles.sound,
      tooltip: '%{BKY_CHISPA_NOTE_TOOLTIP}',
    },
    {
      type: 'chispa_no_tone',
      message0: '%{BKY_CHISPA_NO_TONE}',
      args0: [buzzerPin],
      previousStatement: null,
      nextStatement: null,
      style: kitStyles.sound,
      tooltip: '%{BKY_CHISPA_NO_TONE_TOOLTIP}',
    },
  ],
  generators: {
    chispa_servo_write: (block, generator) => {
      const angle = valueOf(block, generator, 'ANGLE', Order.NONE, '90');
      return `await api.servoWrite(${pinOf(block, 'PIN', 6)}, Math.min(Math.max(Math.round(${angle}), 0), 180));\n`;
    },
    chispa_tone: (block, generator) => {
      const playTone = generator.provideFunction_('chispaPlayTone', [
        `async function ${generator.FUNCTION_NAME_PLACEHOLDER_}(pin, frequency, durationMs) {`,
        `${generator.INDENT}await api.tone(pin, Math.round(frequency), durationMs);`,
        `${generator.INDENT}await api.wait(durationMs);`,
        `}`,
      ]);
      const frequency = valueOf(block, generator, 'FREQUENCY', Order.NONE, '440');
      const duration = valueOf(block, generator, 'DURATION', Order.NONE, '500');
      return `await ${playTone}(${pinOf(block, 'PIN', 8)}, ${frequency}, ${duration});\n`;
    },
    chispa_note: (block) => [String(Number.parseInt(block.getFieldValue('NOTE'), 10) || 440), Order.ATOMIC],
    chispa_no_tone: (block) => `await api.noTone(${pinOf(block, 'PIN', 8)});\n`,
  },
};
