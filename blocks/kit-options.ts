/**
 * Choices offered by the kit blocks' dropdowns. Pins 0 and 1 are left out: they carry the
 * serial link (Firmata) to the board, so a child who used them would cut the connection.
 */
import { UNO_ANALOG_CHANNEL_COUNT, UNO_KIT_DIGITAL_PINS, UNO_PWM_PINS } from '../common/board/uno-pins';

export type DropdownOptions = Array<[string, string]>;

const numbered = (pins: readonly number[]): DropdownOptions => pins.map((pin) => [String(pin), String(pin)]);

/**
 * The same pins with one first: Blockly's default is the first option, so each block starts on
 * the pin where Chispa's kit has that part (button 2, distance 7, buzzer 8, servo 6…).
 */
export const startingWith = (pin: number, options: DropdownOptions): DropdownOptions => {
  const first = options.filter(([, value]) => value === String(pin));
  const rest = options
    .filter(([, value]) => value !== String(pin))
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  return [...first, ...rest];
};

/** Digital pins 2–13 (13 has the board's own LED). */
export const digitalPinOptions: DropdownOptions = numbered([...UNO_KIT_DIGITAL_PINS].reverse());
/** Pins with PWM on the Uno (brightness, not just on/off), starting on 9 (a kit LED). */
export const pwmPinOptions: DropdownOptions = startingWith(9, numbered(UNO_PWM_PINS));
/** A0–A5; the value is the analog channel number the program API expects. */
export const analogPinOptions: DropdownOptions = Array.from(
  { length: UNO_ANALOG_CHANNEL_COUNT },
  (_, channel) => [`A${channel}`, String(channel)],
);

/** Note names as Blockly message keys (Do/Re/Mi in Spanish, C/D/E in English). */
const noteNames = ['C', 'CS', 'D', 'DS', 'E', 'F', 'FS', 'G', 'GS', 'A', 'AS', 'B'] as const;

/** Equal temperament, A4 = 440 Hz, rounded to whole hertz like Arduino's pitches.h. */
export const noteFrequency = (midi: number): number => Math.round(440 * 2 ** ((midi - 69) / 12));

/** C4 (MIDI 60) up to C6 (MIDI 84), each as [label with a message reference, Hz]. */
export const noteOptions: DropdownOptions = Array.from({ length: 25 }, (_, index) => {
  const midi = 60 + index;
  const octave = Math.floor(midi / 12) - 1;
  return [`%{BKY_CHISPA_NOTE_${noteNames[midi % 12]}}${octave}`, String(noteFrequency(midi))];
});

/** Reads a dropdown value as a whole number, falling back when a crafted file holds junk. */
export const wholeNumber = (value: unknown, fallback: number): number => {
  const parsed = Number.parseInt(String(value), 10);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
};
