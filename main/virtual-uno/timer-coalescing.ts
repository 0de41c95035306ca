/**
 * avr8js counts a timer with one clock event per prescaled tick (Timer0 at /64 = every 64
 * cycles, Timer1 at /8 = every 8), which costs more host work than the firmware itself and makes
 * skipping idle time nearly useless. But a tick only matters when something happens at it: a
 * compare match (A/B) or the counter reaching TOP or BOTTOM, which set flags and drive pins. So
 * each timer's count event is postponed to its next such tick; avr8js counts in bulk from its
 * last update (a phase-correct count steps through it tick by tick) and nothing in between could
 * have changed. Whatever reads or changes the timer sees the per-tick state:
 * - a TCNT read already brings the count up to date (avr8js's read hook);
 * - before a write to the timer's registers (mode, clock, TCNT, OCR, ICR) takes effect, the count
 *   is brought up to date under the old settings, and the next event is recomputed after it.
 * The same program then sees the same flags, interrupts and pin edges at the same cycles as with
 * per-tick events (tests compare both).
 */
import type { AVRTimer, CPU } from 'avr8js';

interface TimerInternals {
  count: (reschedule?: boolean, external?: boolean) => void;
  config: {
    bits: number;
    TCCRA: number;
    TCCRB: number;
    TCNT: number;
    OCRA: number;
    OCRB: number;
    ICR: number;
  };
  divider: number;
  lastCycle: number;
  tcnt: number;
  ocrA: number;
  ocrB: number;
  TOP: number;
  timerMode: number;
  countingUp: boolean;
  tcntUpdated: boolean;
  updateDivider: boolean;
}

const PHASE_CORRECT = 1;
const PHASE_FREQUENCY_CORRECT = 4;

/** Makes every timer's count event fire only at its next compare match, TOP or BOTTOM. */
export function coalesceTimerEvents(cpu: CPU, timers: AVRTimer[]): void {
  for (const timer of timers as unknown as TimerInternals[]) coalesce(cpu, timer);
}

function coalesce(cpu: CPU, timer: TimerInternals): void {
  const count = timer.count;
  const nextEventCycle = () => timer.lastCycle + ticksToNextEvent(timer) * timer.divider;
  const pending = () => timer.updateDivider || timer.tcntUpdated;
  // A clock-select change or TCNT write is applied by the next event (avr8js schedules it at
  // once), which then goes back to per-tick events; the one after that is postponed again.
  timer.count = (reschedule = true, external = false) => {
    if (!reschedule || pending()) return count(reschedule, external);
    count(false, external);
    if (timer.divider) cpu.addClockEvent(timer.count, nextEventCycle() - cpu.cycles);
  };
  const { config } = timer;
  const registers = [config.TCCRA, config.TCCRB, config.TCNT, config.OCRA, config.OCRB];
  if (config.bits === 16) registers.push(config.ICR);
  for (const address of registers) {
    const write = cpu.writeHooks[address];
    cpu.writeHooks[address] = (value, oldValue, addr, mask) => {
      const settled = !pending();
      if (settled) count(false); // up to date under the settings before the write
      const handled = write(value, oldValue, addr, mask);
      if (settled && !pending() && timer.divider)
        cpu.updateClockEvent(timer.count, nextEventCycle() - cpu.cycles);
      return handled;
    };
  }
}

/** Ticks until TCNT next equals OCRA or OCRB, or wraps past TOP (up/down in phase-correct modes). */
function ticksToNextEvent(timer: TimerInternals): number {
  const { tcnt, ocrA, ocrB, TOP } = timer;
  if (TOP <= 0) return 1;
  if (timer.timerMode === PHASE_CORRECT || timer.timerMode === PHASE_FREQUENCY_CORRECT) {
    if (tcnt > TOP) return 1;
    let ticks = timer.countingUp ? TOP - tcnt : tcnt;
    for (const ocr of [ocrA, ocrB]) {
      const distance = timer.countingUp ? ocr - tcnt : tcnt - ocr;
      if (distance > 0 && distance < ticks) ticks = distance;
    }
    return Math.max(1, ticks);
  }
  let ticks = TOP + 1 - tcnt;
  if (ocrA > tcnt && ocrA - tcnt < ticks) ticks = ocrA - tcnt;
  if (ocrB > tcnt && ocrB - tcnt < ticks) ticks = ocrB - tcnt;
  return Math.max(1, ticks);
}
