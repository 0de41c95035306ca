import { Order } from 'blockly/javascript';
import { analogPinOptions, digitalPinOptions, startingWith } from './kit-options';
import { kitStyles } from './kit-styles';
import { analogPercent, pinOf, type KitBlockSet } from './kit-generator-helpers';

const analogField = { type: 'field_dropdown', name: 'CHANNEL', options: analogPinOptions };

/** Sensors: raw analog reading, light and potentiometer as a percentage, HC-SR04 distance. */
export const sensorBlocks: KitBlockSet = {
  definitions: [
    {
      type: 'chispa_analog_read',
      message0: '%{BKY_CHISPA_ANALOG_READ}',
      args0: [analogField],
      output: 'Number',
      style: kitStyles.sensors,
      tooltip: '%{BKY_CHISPA_ANALOG_READ_TOOLTIP}',
    },
    {
      type: 'chispa_light_level',
      message0: '%{BKY_CHISPA_LIGHT_LEVEL}',
      args0: [analogField],
      output: 'Number',
      style: kitStyles.sensors,
      tooltip: '%{BKY_CHISPA_LIGHT_LEVEL_TOOLTIP}',
    },
    {
      type: 'chispa_potentiometer',
      message0: '%{BKY_CHISPA_POTENTIOMETER}',
      args0: [analogField],
      output: 'Number',
      style: kitStyles.sensors,
      tooltip: '%{BKY_CHISPA_POTENTIOMETER_TOOLTIP}',
    },
    {
      type: 'chispa_distance_cm',
      message0: '%{BKY_CHISPA_DISTANCE_CM}',
      args0: [{ type: 'field_dropdown', name: 'PIN', options: startingWith(7, digitalPinOptions) }],
      output: 'Number',
      style: kitStyles.sensors,
      tooltip: '%{BKY_CHISPA_DISTANCE_CM_TOOLTIP}',
    },
  ],
  generators: {
    chispa_analog_read: (block) => [`await api.analogRead(${pinOf(block, 'CHANNEL', 0)})`, Order.AWAIT],
    chispa_light_level: (block) => analogPercent(pinOf(block, 'CHANNEL', 0)),
    chispa_potentiometer: (block) => analogPercent(pinOf(block, 'CHANNEL', 0)),
    chispa_distance_cm: (block) => [`await api.readDistance(${pinOf(block, 'PIN', 7)})`, Order.AWAIT],
  },
};
