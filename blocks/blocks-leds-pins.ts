import { Order } from 'blockly/javascript';
import { digitalPinOptions, pwmPinOptions } from './kit-options';
import { kitStyles } from './kit-styles';
import { percentToPwm, pinOf, valueOf, type KitBlockSet } from './kit-generator-helpers';

const pinField = { type: 'field_dropdown', name: 'PIN', options: digitalPinOptions };

/** LEDs and plain digital pins: on/off, blink, brightness (PWM), write, read, HIGH/LOW. */
export const ledsAndPinsBlocks: KitBlockSet = {
  definitions: [
    {
      type: 'chispa_led_set',
      message0: '%{BKY_CHISPA_LED_SET}',
      args0: [
        pinField,
        {
          type: 'field_dropdown',
          name: 'STATE',
          options: [
            ['%{BKY_CHISPA_LED_ON}', '1'],
            ['%{BKY_CHISPA_LED_OFF}', '0'],
          ],
        },
      ],
      previousStatement: null,
      nextStatement: null,
      style: kitStyles.leds,
      tooltip: '%{BKY_CHISPA_LED_SET_TOOLTIP}',
    },
    {
      type: 'chispa_led_blink',
      message0: '%{BKY_CHISPA_LED_BLINK}',
      args0: [
        pinField,
        { type: 'input_value', name: 'TIMES', check: 'Number' },
        { type: 'input_value', name: 'MS', check: 'Number' },
      ],
      inputsInline: true,
      previousStatement: null,
      nextStatement: null,
      style: kitStyles.leds,
      tooltip: '%{BKY_CHISPA_LED_BLINK_TOOLTIP}',
    },
    {
      type: 'chispa_led_brightness',
      message0: '%{BKY_CHISPA_LED_BRIGHTNESS}',
      args0: [
        { type: 'field_dropdown', name: 'PIN', options: pwmPinOptions },
        { type: 'input_value', name: 'PERCENT', check: 'Number' },
      ],
      inputsInline: true,
      previousStatement: null,
      nextStatement: null,
      style: kitStyles.leds,
      tooltip: '%{BKY_CHISPA_LED_BRIGHTNESS_TOOLTIP}',
    },
    {
      type: 'chispa_digital_write',
      message0: '%{BKY_CHISPA_DIGITAL_WRITE}',
      args0: [pinField, { type: 'input_value', name: 'VALUE', check: ['Number', 'Boolean'] }],
      inputsInline: true,
      previousStatement: null,
      nextStatement: null,
      style: kitStyles.leds,
      tooltip: '%{BKY_CHISPA_DIGITAL_WRITE_TOOLTIP}',
    },
    {
      type: 'chispa_pin_state',
      message0: '%1',
      args0: [
        {
          type: 'field_dropdown',
          name: 'STATE',
          options: [
            ['%{BKY_CHISPA_PIN_HIGH}', '1'],
            ['%{BKY_CHISPA_PIN_LOW}', '0'],
          ],
        },
      ],
      output: 'Number',
      style: kitStyles.leds,
      tooltip: '%{BKY_CHISPA_PIN_STATE_TOOLTIP}',
    },
    {
      type: 'chispa_digital_read',
      message0: '%{BKY_CHISPA_DIGITAL_READ}',
      args0: [pinField],
      output: 'Number',
      style: kitStyles.leds,
      tooltip: '%{BKY_CHISPA_DIGITAL_READ_TOOLTIP}',
    },
  ],
  generators: {
    chispa_led_set: (block) =>
      `await api.digitalWrite(${pinOf(block)}, ${block.getFieldValue('STATE') === '1' ? 1 : 0});\n`,
    chispa_led_blink: (block, generator) => {
      const pin = pinOf(block);
      const times = valueOf(block, generator, 'TIMES', Order.ASSIGNMENT, '3');
      const ms = valueOf(block, generator, 'MS', Order.NONE, '500');
      const count = generator.nameDB_!.getDistinctName('blink', 'VARIABLE');
      const total = generator.nameDB_!.getDistinctName('blinkTimes', 'VARIABLE');
      const step = generator.INDENT;
      return (
        `for (let ${count} = 0, ${total} = ${times}; ${count} < ${total}; ${count}++) {\n` +
        `${step}await api.digitalWrite(${pin}, 1);\n` +
        `${step}await api.wait(${ms});\n` +
        `${step}await api.digitalWrite(${pin}, 0);\n` +
        `${step}await api.wait(${ms});\n` +
        `}\n`
      );
    },
    chispa_led_brightness: (block, generator) =>
      `await api.pwmWrite(${pinOf(block, 'PIN', 9)}, ${percentToPwm(
        valueOf(block, generator, 'PERCENT', Order.NONE, '100'),
      )});\n`,
    chispa_digital_write: (block, generator) => {
      const value = valueOf(block, generator, 'VALUE', Order.CONDITIONAL, '0');
      const level = value === '0' || value === '1' ? value : `${value} ? 1 : 0`;
      return `await api.digitalWrite(${pinOf(block)}, ${level});\n`;
    },
    chispa_pin_state: (block) => [block.getFieldValue('STATE') === '1' ? '1' : '0', Order.ATOMIC],
    chispa_digital_read: (block) => [`await api.digitalRead(${pinOf(block)})`, Order.AWAIT],
  },
};
