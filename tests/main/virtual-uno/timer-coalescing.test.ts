/**
 * Timer events only at compare matches, TOP and BOTTOM (timer-coalescing.ts) must change nothing
 * the firmware or the host can see: the same programs, run with per-tick timer events as avr8js
 * has them, send the same bytes at the same cycles and drive the same pin levels, awake and
 * asleep, while they read TCNT, poll flags and change OCR, ICR, TCNT, the mode and the prescaler.
 */
import { describe, expect, it } from 'vitest';
import { VirtualUnoCore } from '../../../main/virtual-uno/virtual-uno-core';
import { UART_57600, compileAvr, hasAvrGcc } from './avr-build';

/** Every 100 µs for `ms`: the level of pins 3, 5, 6, 8, 9, 10, 11; and each byte sent with its cycle. */
const observe = (hex: string, coalesceTimers: boolean, ms: number) => {
  const core = new VirtualUnoCore({ flashHex: hex, coalesceTimers });
  const bytes: string[] = [];
  core.onUartTransmit((byte) => bytes.push(`${byte}@${core.cycles}`));
  const levels: string[] = [];
  for (let slice = 0; slice < ms * 10; slice++) {
    core.runCycles(1600);
    levels.push([3, 5, 6, 8, 9, 10, 11].map((pin) => (core.pinLevel(pin) ? 1 : 0)).join(''));
  }
  return { bytes, levels, waves: [5, 6, 8, 9, 10, 11].map((pin) => core.pinWaveform(pin)) };
};

const REPORT = `
volatile uint16_t ovf0, cmp1, cmp2;
static void report(void) {
  uint8_t t0 = TCNT0; uint16_t t1 = TCNT1; uint8_t t2 = TCNT2;
  uart_put(t0); uart_put(t1 & 0xff); uart_put(t1 >> 8); uart_put(t2);
  uart_put(ovf0); uart_put(cmp1); uart_put(cmp2); uart_put(TIFR1);
}`;

if (!hasAvrGcc)
  console.warn('timer-coalescing tests skipped: avr-gcc is not installed (apt-get install gcc-avr avr-libc)');

describe.skipIf(!hasAvrGcc)('timer events coalesced to compare, TOP and BOTTOM', () => {
  it('normal, CTC and fast PWM: OCR, TCNT and prescaler writes, TCNT reads and a polled flag', () => {
    const program = (sleep: boolean) =>
      compileAvr(`${UART_57600}
      #include <avr/interrupt.h>
      #include <avr/sleep.h>
      ${REPORT}
      ISR(TIMER0_OVF_vect) { ovf0++; }
      ISR(TIMER1_COMPA_vect) { cmp1++; OCR1A += (cmp1 & 1) ? 3000 : 37000; PINB = _BV(0); }
      ISR(TIMER2_COMPA_vect) { cmp2++; }
      int main(void) {
        uart_init();
        DDRD |= _BV(3) | _BV(5) | _BV(6); DDRB |= _BV(0) | _BV(3);
        TCCR0A = _BV(COM0A1) | _BV(COM0B1) | _BV(WGM01) | _BV(WGM00); TCCR0B = _BV(CS01) | _BV(CS00);
        TIMSK0 = _BV(TOIE0);
        TCCR1B = _BV(CS11); OCR1A = 1000; TIMSK1 = _BV(OCIE1A);
        TCCR2A = _BV(COM2A0) | _BV(WGM21); TCCR2B = _BV(CS22); OCR2A = 100; OCR2B = 20; TIMSK2 = _BV(OCIE2A);
        sei(); set_sleep_mode(SLEEP_MODE_IDLE);
        for (uint8_t i = 1;; i++) {
          OCR0A = i; OCR0B = 255 - i;
          if ((i & 15) == 0) OCR2A = 40 + (i >> 2);
          if ((i & 63) == 0) TCCR2B = (i & 64) ? _BV(CS21) | _BV(CS20) : _BV(CS22);
          if ((i & 31) == 7) TCNT2 = 10;
          if ((i & 31) == 19) { TIFR2 = _BV(OCF2B); while (!(TIFR2 & _BV(OCF2B))); }
          if ((i & 127) == 100) { TCCR0A = _BV(COM0A1); TCCR0B = _BV(CS00); }
          if ((i & 127) == 120) { TCCR0A = _BV(COM0A1) | _BV(WGM01) | _BV(WGM00); TCCR0B = _BV(CS01) | _BV(CS00); }
          report();
          ${sleep ? 'sleep_mode();' : 'for (volatile uint8_t d = 0; d < (i & 7) * 9; d++);'}
        }
      }`);
    for (const sleep of [false, true]) {
      const hex = program(sleep);
      const perTick = observe(hex, false, 400);
      const coalesced = observe(hex, true, 400);
      expect(perTick.bytes.length).toBeGreaterThan(1000);
      expect(coalesced.bytes).toEqual(perTick.bytes);
      expect(coalesced.levels).toEqual(perTick.levels);
      expect(coalesced.waves).toEqual(perTick.waves);
    }
  });

  it('phase-correct PWM with OCR and ICR changes (double-buffered at TOP or BOTTOM)', () => {
    const program = (sleep: boolean) =>
      compileAvr(`${UART_57600}
      #include <avr/interrupt.h>
      #include <avr/sleep.h>
      ${REPORT}
      ISR(TIMER0_OVF_vect) { ovf0++; }
      ISR(TIMER1_OVF_vect) { cmp1++; }
      ISR(TIMER2_COMPB_vect) { cmp2++; }
      int main(void) {
        uart_init();
        DDRD |= _BV(3) | _BV(5) | _BV(6); DDRB |= _BV(1) | _BV(2) | _BV(3);
        TCCR0A = _BV(COM0A1) | _BV(COM0B1) | _BV(WGM00); TCCR0B = _BV(CS01) | _BV(CS00); TIMSK0 = _BV(TOIE0);
        TCCR1A = _BV(COM1A1) | _BV(COM1B1) | _BV(WGM11); TCCR1B = _BV(WGM13) | _BV(CS10); ICR1 = 2000;
        OCR1A = 500; OCR1B = 700; TIMSK1 = _BV(TOIE1);
        TCCR2A = _BV(COM2A1) | _BV(COM2B1) | _BV(WGM20); TCCR2B = _BV(CS22); OCR2A = 30; OCR2B = 200;
        TIMSK2 = _BV(OCIE2B);
        sei(); set_sleep_mode(SLEEP_MODE_IDLE);
        for (uint8_t i = 1;; i++) {
          OCR0A = i; OCR0B = i ^ 0x5a; OCR2A = 255 - i; OCR1A = 100 + i * 7;
          if ((i & 15) == 0) ICR1 = 1000 + i * 4;
          if ((i & 63) == 32) { TIFR1 = _BV(TOV1); while (!(TIFR1 & _BV(OCF1B))); }
          report();
          ${sleep ? 'sleep_mode();' : 'for (volatile uint8_t d = 0; d < (i & 7) * 9; d++);'}
        }
      }`);
    for (const sleep of [false, true]) {
      const hex = program(sleep);
      const perTick = observe(hex, false, 400);
      const coalesced = observe(hex, true, 400);
      expect(perTick.bytes.length).toBeGreaterThan(1000);
      expect(coalesced.bytes).toEqual(perTick.bytes);
      expect(coalesced.levels).toEqual(perTick.levels);
      expect(coalesced.waves).toEqual(perTick.waves);
    }
  });
});
