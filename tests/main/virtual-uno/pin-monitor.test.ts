import { describe, expect, it } from 'vitest';
import { PinMonitor } from '../../../main/virtual-uno/pin-monitor';

/** Servo-like pulses on pin 6: `count` frames of 20 ms with `highUs` high, from `start` (cycles). */
const pulses = (monitor: PinMonitor, start: number, count: number, highUs: number) => {
  let at = start;
  for (let i = 0; i < count; i++) {
    monitor.edge(6, true, at);
    monitor.edge(6, false, at + highUs * 16);
    at += 20_000 * 16;
  }
  return at;
};

describe('PinMonitor', () => {
  it('measures a servo attached again after a pause from its new pulses only', () => {
    const monitor = new PinMonitor();
    const end = pulses(monitor, 0, 20, 1500);
    expect(monitor.waveform(6, end)?.periodCycles).toBe(20_000 * 16);
    // Detached for 2 s, then attached again: three new frames are enough for a reading.
    const restart = end + 2 * 16_000_000;
    const now = pulses(monitor, restart, 3, 1100);
    const wave = monitor.waveform(6, now - 20_000 * 16 + 1100 * 16);
    expect(wave?.periodCycles).toBe(20_000 * 16);
    expect(wave?.highCycles).toBe(1100 * 16);
  });
});
