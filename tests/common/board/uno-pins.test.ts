import { describe, expect, it } from 'vitest';
import {
  UNO_KIT_DIGITAL_PINS,
  UNO_PIN_COUNT,
  UNO_PWM_PINS,
  UNO_SERIAL_PINS,
  analogPinOf,
  isAnalogPin,
  unoPinLabel,
} from '../../../common/board/uno-pins';

describe('Uno pin facts', () => {
  it('labels pins as the silkscreen does and maps analog channels to pins 14–19', () => {
    expect([unoPinLabel(2), unoPinLabel(13), unoPinLabel(14), unoPinLabel(19)]).toEqual([
      '2',
      '13',
      'A0',
      'A5',
    ]);
    expect([analogPinOf(0), analogPinOf(5)]).toEqual([14, 19]);
    expect([isAnalogPin(13), isAnalogPin(14), isAnalogPin(19), isAnalogPin(20)]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('offers the kit every digital pin but the serial link, and PWM only where a timer drives it', () => {
    const all = Array.from({ length: UNO_PIN_COUNT }, (_, pin) => pin);
    expect([...UNO_SERIAL_PINS, ...UNO_KIT_DIGITAL_PINS]).toEqual(all.slice(0, 14));
    expect(UNO_PWM_PINS.every((pin) => UNO_KIT_DIGITAL_PINS.includes(pin))).toBe(true);
  });
});
