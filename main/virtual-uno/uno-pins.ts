/**
 * Arduino Uno pin numbers (0-13 digital, 14-19 = A0-A5) mapped to ATmega328P ports and bits,
 * and which pins a timer drives in PWM mode (read from the timer control registers).
 */
import { UNO_FIRST_ANALOG_PIN, UNO_PIN_COUNT } from '../../common/board/uno-pins';

export type UnoPort = 'B' | 'C' | 'D';

export interface UnoPinLocation {
  port: UnoPort;
  bit: number;
}

export function unoPinLocation(pin: number): UnoPinLocation {
  if (!Number.isInteger(pin) || pin < 0 || pin >= UNO_PIN_COUNT) {
    throw new RangeError(`Uno pin must be an integer 0-19, got ${pin}`);
  }
  if (pin < 8) return { port: 'D', bit: pin };
  if (pin < UNO_FIRST_ANALOG_PIN) return { port: 'B', bit: pin - 8 };
  return { port: 'C', bit: pin - UNO_FIRST_ANALOG_PIN };
}

/** Uno pin for a port bit, or -1 if that bit is not broken out on the Uno (PB6/7 crystal, PC6 reset). */
export function unoPinOf(port: UnoPort, bit: number): number {
  if (port === 'D') return bit;
  if (port === 'B') return bit < 6 ? 8 + bit : -1;
  return bit < 6 ? UNO_FIRST_ANALOG_PIN + bit : -1;
}

interface TimerOutput {
  /** TCCRnA address (data space) and TCCRnB address. */
  tccrA: number;
  tccrB: number;
  /** Shift of the COMnx1:0 field inside TCCRnA. */
  comShift: number;
  timer1: boolean;
}

const T0 = { tccrA: 0x44, tccrB: 0x45, timer1: false };
const T1 = { tccrA: 0x80, tccrB: 0x81, timer1: true };
const T2 = { tccrA: 0xb0, tccrB: 0xb1, timer1: false };

/** Output-compare pins: 3 = OC2B, 5 = OC0B, 6 = OC0A, 9 = OC1A, 10 = OC1B, 11 = OC2A. */
const PWM_OUTPUTS: Record<number, TimerOutput> = {
  3: { ...T2, comShift: 4 },
  5: { ...T0, comShift: 4 },
  6: { ...T0, comShift: 6 },
  9: { ...T1, comShift: 6 },
  10: { ...T1, comShift: 4 },
  11: { ...T2, comShift: 6 },
};

/**
 * True when a timer drives this pin in a PWM waveform mode (COM = 10 or 11), as analogWrite does.
 * Toggle-on-compare (COM = 01, used for tones) and normal/CTC modes are not PWM.
 */
export function isTimerPwmPin(data: Uint8Array, pin: number): boolean {
  const out = PWM_OUTPUTS[pin];
  if (!out) return false;
  const a = data[out.tccrA];
  const b = data[out.tccrB];
  const com = (a >> out.comShift) & 3;
  if (com < 2) return false;
  if (out.timer1) {
    const wgm = (a & 3) | ((b >> 1) & 0x0c);
    return wgm !== 0 && wgm !== 4 && wgm !== 12 && wgm !== 13;
  }
  const wgm = (a & 3) | ((b >> 1) & 0x04);
  return wgm === 1 || wgm === 3 || wgm === 5 || wgm === 7;
}
