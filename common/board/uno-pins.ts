/**
 * Arduino Uno pin facts, the one copy every room uses. Pins are Uno pin numbers: 0–13 digital,
 * 14–19 the analog inputs A0–A5 (which work as digital pins too).
 */

/** Pins 0–19. */
export const UNO_PIN_COUNT = 20;
/** A0 is pin 14; analog channel n is pin 14 + n. */
export const UNO_FIRST_ANALOG_PIN = 14;
/** A0–A5. */
export const UNO_ANALOG_CHANNEL_COUNT = 6;
/** Pins a timer drives in PWM (analogWrite): OC2B, OC0B, OC0A, OC1A, OC1B, OC2A. */
export const UNO_PWM_PINS: readonly number[] = [3, 5, 6, 9, 10, 11];
/** 0 (RX) and 1 (TX) carry the serial link to the computer; the kit never offers them. */
export const UNO_SERIAL_PINS: readonly number[] = [0, 1];
/** Digital pins a child may wire a part to: 2–13 (13 has the board's own LED). */
export const UNO_KIT_DIGITAL_PINS: readonly number[] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

export const analogPinOf = (channel: number): number => UNO_FIRST_ANALOG_PIN + channel;

export const isAnalogPin = (pin: number): boolean => pin >= UNO_FIRST_ANALOG_PIN && pin < UNO_PIN_COUNT;

/** How a pin is written on the board's silkscreen: 13, A0… */
export const unoPinLabel = (pin: number): string =>
  isAnalogPin(pin) ? `A${pin - UNO_FIRST_ANALOG_PIN}` : String(pin);
