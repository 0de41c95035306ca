import { describe, expect, it } from 'vitest';
import { VirtualUnoCore } from '../../../main/virtual-uno/virtual-uno-core';
import { pinSnapshotSchema } from '../../../common/ipc/contract-board';
import { UART_57600, compileAvr, hasAvrGcc } from './avr-build';

if (!hasAvrGcc)
  console.warn('virtual-uno-core tests skipped: avr-gcc is not installed (apt-get install gcc-avr avr-libc)');

function collectTx(core: VirtualUnoCore): number[] {
  const out: number[] = [];
  core.onUartTransmit((byte) => out.push(byte));
  return out;
}

describe.skipIf(!hasAvrGcc)('VirtualUnoCore on real AVR machine code', () => {
  it('echoes a 300-byte burst at 57600 baud without losing a byte, even when the firmware is slow', () => {
    // 1 ms of work per byte: ~6 character times, so a core without a receive queue would overwrite UDR.
    const hex = compileAvr(`${UART_57600}
      #include <util/delay.h>
      int main(void) { uart_init(); for (;;) { uint8_t b = uart_get(); _delay_ms(1); uart_put(b); } }`);
    const core = new VirtualUnoCore({ flashHex: hex });
    const out = collectTx(core);
    const burst = Uint8Array.from({ length: 300 }, (_, i) => (i * 7 + 3) & 0xff);
    core.uartWrite(burst);
    core.runMs(400);
    expect(out).toEqual(Array.from(burst));
    expect(core.stats().uartRxPending).toBe(0);
  });

  it('delivers bytes at wire speed when the firmware keeps up (300 bytes ≈ 52 ms at 57600)', () => {
    const hex = compileAvr(`${UART_57600}
      int main(void) { uart_init(); for (;;) uart_put(uart_get()); }`);
    const core = new VirtualUnoCore({ flashHex: hex });
    const out = collectTx(core);
    const burst = Uint8Array.from({ length: 300 }, (_, i) => 255 - (i & 0xff));
    core.uartWrite(burst);
    core.runMs(30);
    expect(out.length).toBeGreaterThan(100);
    expect(out.length).toBeLessThan(300); // not faster than the wire
    core.runMs(40);
    expect(out).toEqual(Array.from(burst));
  });

  it('toggles pin 13 (PB5) and measures the square wave', () => {
    const hex = compileAvr(`
      #include <avr/io.h>
      #include <util/delay.h>
      int main(void) { DDRB |= _BV(5); for (;;) { PINB = _BV(5); _delay_us(500); } }`);
    const core = new VirtualUnoCore({ flashHex: hex });
    core.runMs(0.25);
    const first = core.pinLevel(13);
    core.runMs(0.5);
    expect(core.pinLevel(13)).toBe(!first);
    expect(core.pinIsOutput(13)).toBe(true);
    core.runMs(20);
    const wave = core.pinWaveform(13);
    expect(wave?.frequencyHz).toBeGreaterThan(990);
    expect(wave?.frequencyHz).toBeLessThan(1000.5);
    const snap = pinSnapshotSchema.parse(core.snapshot());
    expect(snap.toneHz['13']).toBeCloseTo(wave!.frequencyHz, 1);
    expect(snap.pwmDuty[13]).toBeNull();
    expect(snap.digital).toHaveLength(20);
  });

  it('reads 2.5 V on A0 as 512 ±2 and follows a change of voltage', () => {
    const hex = compileAvr(`${UART_57600}
      int main(void) {
        uart_init(); ADMUX = _BV(REFS0); ADCSRA = _BV(ADEN) | 7;
        for (;;) { uart_get(); ADCSRA |= _BV(ADSC); while (ADCSRA & _BV(ADSC)); uint16_t v = ADC; uart_put(v & 0xff); uart_put(v >> 8); }
      }`);
    const core = new VirtualUnoCore({ flashHex: hex });
    const out = collectTx(core);
    const read = () => {
      out.length = 0;
      core.uartWrite(Uint8Array.of(1));
      core.runMs(2);
      expect(out).toHaveLength(2);
      return out[0] | (out[1] << 8);
    };
    core.setAnalogVolts(0, 2.5);
    expect(Math.abs(read() - 512)).toBeLessThanOrEqual(2);
    core.setAnalogVolts(0, 1.25);
    expect(Math.abs(read() - 256)).toBeLessThanOrEqual(2);
  });

  it('measures PWM duty on pin 6 (Timer0 fast PWM, OCR0A = 64) and a servo pulse on pin 9 (Timer1)', () => {
    const hex = compileAvr(`
      #include <avr/io.h>
      int main(void) {
        DDRD |= _BV(6); TCCR0A = _BV(COM0A1) | _BV(WGM01) | _BV(WGM00); TCCR0B = _BV(CS01) | _BV(CS00); OCR0A = 63;
        DDRB |= _BV(1); ICR1 = 39999; OCR1A = 3000;                       /* 50 Hz, 1500 us */
        TCCR1A = _BV(COM1A1) | _BV(WGM11); TCCR1B = _BV(WGM13) | _BV(WGM12) | _BV(CS11);
        for (;;) {}
      }`);
    const core = new VirtualUnoCore({ flashHex: hex });
    core.runMs(100);
    const snap = core.snapshot();
    expect(snap.pwmDuty[6]).toBeCloseTo(0.25, 2);
    expect(core.pinWaveform(6)?.frequencyHz).toBeCloseTo(976.5625, 1);
    expect(snap.servoPulseUs['9']).toBeCloseTo(1500, 0);
    expect(snap.pwmDuty[9]).toBeCloseTo(0.075, 3);
    expect(snap.pwmDuty[5]).toBeNull(); // pin 5's compare output is not connected
    expect(snap.toneHz['6']).toBeUndefined(); // a 25 % PWM is not a tone
  });

  it('feeds digital inputs, with the internal pull-up when released', () => {
    const hex = compileAvr(`
      #include <avr/io.h>
      int main(void) { DDRB |= _BV(5); PORTD |= _BV(2); for (;;) { if (PIND & _BV(2)) PORTB |= _BV(5); else PORTB &= ~_BV(5); } }`);
    const core = new VirtualUnoCore({ flashHex: hex });
    core.runMs(1);
    expect(core.pinLevel(2)).toBe(true); // pull-up
    expect(core.pinLevel(13)).toBe(true);
    core.setDigitalInput(2, false); // button pressed to GND
    core.runMs(1);
    expect(core.pinLevel(13)).toBe(false);
    core.setDigitalInput(2, null);
    core.runMs(1);
    expect(core.pinLevel(13)).toBe(true);
  });

  it('answers an HC-SR04 trigger on the same pin with an echo of cm * 58.3 µs', () => {
    // Like PingFirmata: pulse the pin as output, switch it to input, time the HIGH pulse (Timer1, 0.5 µs ticks).
    const hex = compileAvr(`${UART_57600}
      #include <util/delay.h>
      int main(void) {
        uart_init(); TCCR1B = _BV(CS11);
        for (;;) {
          uart_get();
          DDRD |= _BV(7); PORTD &= ~_BV(7); _delay_us(2); PORTD |= _BV(7); _delay_us(10); PORTD &= ~_BV(7); DDRD &= ~_BV(7);
          while (!(PIND & _BV(7))); uint16_t t0 = TCNT1; while (PIND & _BV(7)); uint16_t t = (TCNT1 - t0) / 2;
          uart_put(t & 0xff); uart_put(t >> 8);
        }
      }`);
    const core = new VirtualUnoCore({ flashHex: hex });
    const out = collectTx(core);
    core.setDistanceCm(7, 20);
    core.uartWrite(Uint8Array.of(1));
    core.runMs(5);
    expect(out).toHaveLength(2);
    const micros = out[0] | (out[1] << 8);
    expect(micros / 58.31).toBeGreaterThan(19.5);
    expect(micros / 58.31).toBeLessThan(20.5);
  });

  it('skips idle time while the firmware sleeps, and timer interrupts still wake it on time', () => {
    const hex = compileAvr(`
      #include <avr/io.h>
      #include <avr/interrupt.h>
      #include <avr/sleep.h>
      volatile uint16_t ticks;
      ISR(TIMER0_OVF_vect) { if (++ticks % 100 == 0) PINB = _BV(5); }
      int main(void) {
        DDRB |= _BV(5); TCCR0B = _BV(CS01) | _BV(CS00); TIMSK0 = _BV(TOIE0); sei();
        set_sleep_mode(SLEEP_MODE_IDLE);
        for (;;) sleep_mode();
      }`);
    const core = new VirtualUnoCore({ flashHex: hex });
    core.runMs(1000);
    const { sleptCycles, cycles } = core.stats();
    expect(sleptCycles / cycles).toBeGreaterThan(0.9);
    // Overflow every 1.024 ms, toggle every 100 overflows: period 204.8 ms.
    expect(core.pinWaveform(13)?.periodUs).toBeCloseTo(204_800, -2);
  });

  it('keeps exact timer timing while asleep: fast and phase-correct PWM, a servo ISR on Timer1, a tone ISR on Timer2', () => {
    // The same program with and without sleeping must produce the same waveforms: sleeping only
    // skips host work (timer events are postponed to the next compare/overflow, see timer-coalescing.ts).
    const program = (sleep: boolean, phaseCorrect: boolean) =>
      compileAvr(`
      #include <avr/io.h>
      #include <avr/interrupt.h>
      #include <avr/sleep.h>
      static uint8_t high;
      ISR(TIMER1_COMPA_vect) {                 /* 1500 us pulse every 20 ms on pin 9, like a servo driver */
        if (!high) { PORTB |= _BV(1); OCR1A += 3000; } else { PORTB &= ~_BV(1); OCR1A += 37000; }
        high = !high;
      }
      ISR(TIMER2_COMPA_vect) { PINB = _BV(0); } /* 440.14 Hz square wave on pin 8 */
      int main(void) {
        DDRD |= _BV(6); TCCR0A = _BV(COM0A1) | ${phaseCorrect ? '' : '_BV(WGM01) |'} _BV(WGM00);
        TCCR0B = _BV(CS01) | _BV(CS00); OCR0A = 63;
        DDRB |= _BV(1) | _BV(0);
        TCCR1B = _BV(CS11); OCR1A = 1000; TIMSK1 = _BV(OCIE1A);
        TCCR2A = _BV(WGM21); TCCR2B = _BV(CS22) | _BV(CS20); OCR2A = 141; TIMSK2 = _BV(OCIE2A);
        sei(); set_sleep_mode(SLEEP_MODE_IDLE);
        for (;;) { ${sleep ? 'sleep_mode();' : ''} }
      }`);
    const measure = (sleep: boolean, phaseCorrect: boolean) => {
      const core = new VirtualUnoCore({ flashHex: program(sleep, phaseCorrect) });
      core.runMs(300);
      const [pwm, tone, servo] = [6, 8, 9].map((pin) => core.pinWaveform(pin)!);
      return { snap: core.snapshot(), stats: core.stats(), pwm, tone, servo };
    };
    for (const phaseCorrect of [false, true]) {
      const awake = measure(false, phaseCorrect);
      const asleep = measure(true, phaseCorrect);
      expect(awake.stats.sleptCycles).toBe(0);
      expect(asleep.stats.sleptCycles / asleep.stats.cycles).toBeGreaterThan(0.8);
      for (const run of [awake, asleep]) {
        // Fast PWM: 64/256 at 976.6 Hz; phase correct: 63/255 at 490.2 Hz.
        expect(run.snap.pwmDuty[6]).toBeCloseTo(phaseCorrect ? 63 / 255 : 0.25, 2);
        expect(run.pwm.frequencyHz).toBeCloseTo(phaseCorrect ? 490.196 : 976.5625, 1);
        expect(run.snap.servoPulseUs['9']).toBeCloseTo(1500, 0);
        expect(run.servo.periodUs).toBeCloseTo(20_000, 0);
        expect(run.tone.frequencyHz).toBeCloseTo(440.14, 1);
      }
      expect(asleep.pwm.duty).toBeCloseTo(awake.pwm.duty, 4);
      expect(asleep.tone.periodUs).toBeCloseTo(awake.tone.periodUs, 1);
      expect(asleep.servo.highUs).toBeCloseTo(awake.servo.highUs, 0);
    }
  });

  it('skipping polling loops (UART, ADC, pin waits) changes nothing the firmware or the host can see', () => {
    const hex = compileAvr(`${UART_57600}
      int main(void) {
        uart_init(); ADMUX = _BV(REFS0); ADCSRA = _BV(ADEN) | 7; TCCR1B = _BV(CS11);
        for (;;) {
          uint8_t b = uart_get(); uint16_t t0 = TCNT1;
          ADCSRA |= _BV(ADSC); while (ADCSRA & _BV(ADSC));
          uint16_t v = ADC;
          while (!(PIND & _BV(2)));                /* wait for the button */
          uint16_t dt = TCNT1 - t0;
          uart_put(b); uart_put(v >> 2); uart_put(dt & 0xff); uart_put(dt >> 8);
        }
      }`);
    const run = (skipPollingLoops: boolean) => {
      const core = new VirtualUnoCore({ flashHex: hex, skipPollingLoops });
      const seen: string[] = [];
      core.onUartTransmit((byte) => seen.push(`${byte}@${core.cycles}`));
      core.setAnalogVolts(0, 3.3);
      for (let i = 0; i < 5; i++) {
        core.setDigitalInput(2, false);
        core.uartWrite(Uint8Array.of(i, i + 100));
        core.runMs(3 + i);
        core.setDigitalInput(2, true);
        core.runMs(2);
      }
      return { seen, stats: core.stats() };
    };
    const stepped = run(false);
    const skipped = run(true);
    expect(stepped.stats.pollSkippedCycles).toBe(0);
    // A skip never crosses a clock event (a Timer1 compare or overflow here).
    expect(skipped.stats.pollSkippedCycles / skipped.stats.cycles).toBeGreaterThan(0.1);
    expect(skipped.seen.length).toBe(40);
    expect(skipped.seen).toEqual(stepped.seen); // same bytes at the same cycles
  });

  it('drops bytes still queued for the MCU at an external reset, as a real receiver does', () => {
    // Echo firmware that waits 100 ms before enabling its receiver, so bytes queue up.
    const hex = compileAvr(`${UART_57600}
      #include <util/delay.h>
      int main(void) { _delay_ms(100); uart_init(); for (;;) uart_put(uart_get()); }`);
    const core = new VirtualUnoCore({ flashHex: hex });
    const out = collectTx(core);
    core.uartWrite(Uint8Array.of(1, 2, 3));
    core.runMs(10);
    expect(core.stats().uartRxPending).toBe(3);
    core.reset();
    expect(core.stats().uartRxPending).toBe(0);
    core.uartWrite(Uint8Array.of(9));
    core.runMs(150);
    expect(out).toEqual([9]);
  });

  it('rebuilds the MCU on a watchdog reset, keeping flash and reporting WDRF in MCUSR', () => {
    const hex = compileAvr(`${UART_57600}
      #include <avr/wdt.h>
      int main(void) {
        uint8_t cause = MCUSR; MCUSR = 0; wdt_disable();
        uart_init(); uart_put(cause);
        if (cause & _BV(WDRF)) for (;;) {}
        TCCR0B = 3; wdt_enable(WDTO_15MS); for (;;) {}
      }`);
    const core = new VirtualUnoCore({ flashHex: hex });
    const out = collectTx(core);
    core.runMs(100);
    expect(out).toEqual([0x01, 0x08]); // power-on, then watchdog
    expect(core.stats().watchdogResets).toBe(1);
    core.reset();
    core.runMs(5);
    expect(out).toEqual([0x01, 0x08, 0x02]); // external reset
    expect(core.simTimeMs).toBeGreaterThan(104);
  });
});
