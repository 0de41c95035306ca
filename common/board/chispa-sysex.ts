/**
 * Firmata messages the Chispa firmware adds to Firmata 2.5 (firmware/src/firmata.c).
 * TONE_DATA follows FirmataPlus: [0xF0, 0x5F, sub (0 tone, 1 no tone), pin, hz lsb, hz msb, ms lsb, ms msb, 0xF7].
 */
export const TONE_DATA = 0x5f;
export const TONE_SUB_TONE = 0;
export const TONE_SUB_NO_TONE = 1;
/** Largest value two 7-bit bytes carry (frequency in Hz, duration in ms). */
export const MAX_14_BIT = 0x3fff;

const to14 = (value: number): [number, number] => [value & 0x7f, (value >> 7) & 0x7f];

/** Sysex body (without F0/F7) for a tone; duration 0 plays until no-tone. */
export const toneSysex = (pin: number, hz: number, durationMs = 0): number[] => {
  const frequency = Math.min(MAX_14_BIT, Math.max(1, Math.round(hz)));
  const duration = Math.min(MAX_14_BIT, Math.max(0, Math.round(durationMs)));
  return [TONE_DATA, TONE_SUB_TONE, pin, ...to14(frequency), ...to14(duration)];
};

export const noToneSysex = (pin: number): number[] => [TONE_DATA, TONE_SUB_NO_TONE, pin];

/** Echo length of an HC-SR04 in µs → distance in cm (sound at 343 m/s, there and back). */
export const echoMicrosToCm = (micros: number): number => Math.round(((micros * 0.0343) / 2) * 10) / 10;
