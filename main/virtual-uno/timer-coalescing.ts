/**
 * While the MCU sleeps, avr8js timers still wake the simulator every prescaled tick (Timer1 at
 * /8 = every 8 cycles), which makes skipping idle time nearly useless. Asleep, nothing reads
 * TCNT, so a timer's count event can be postponed to the next tick where something happens
 * (compare match A/B or overflow): avr8js counts in bulk from its last update and detects a
 * compare crossed on the way. On wake-up the events go back to the per-tick cadence (bulk-
 * counting up to now, exact because no interesting value lay in between).
 * Phase-correct PWM modes count up and down; avr8js steps through a bulk count tick by tick, so
 * they coalesce the same way with the direction taken into account (TOP and BOTTOM are events).
 */
import type { AVRTimer, CPU } from 'avr8js';

interface TimerInternals {
  count: () => void;
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

interface ClockEvent {
  cycles: number;
  callback: () => void;
}

const PHASE_CORRECT = 1;
const PHASE_FREQUENCY_CORRECT = 4;

export class TimerCoalescer {
  private readonly byCallback = new Map<() => void, TimerInternals>();
  private readonly timers: TimerInternals[];

  constructor(
    private readonly cpu: CPU,
    timers: AVRTimer[],
  ) {
    this.timers = timers as unknown as TimerInternals[];
    for (const timer of this.timers) this.byCallback.set(timer.count, timer);
  }

  /** Postpones the timer events at the head of the clock-event queue. Call while asleep. */
  coalesceHead(): void {
    const cpu = this.cpu as unknown as { nextClockEvent: ClockEvent | null; cycles: number };
    for (let guard = 0; guard < this.timers.length; guard++) {
      const head = cpu.nextClockEvent;
      const timer = head && this.byCallback.get(head.callback);
      if (!head || !timer || !coalescable(timer)) return;
      const ticks = ticksToNextEvent(timer);
      const due = timer.lastCycle + ticks * timer.divider;
      if (ticks <= 1 || head.cycles >= due) return;
      this.cpu.updateClockEvent(timer.count, due - cpu.cycles);
    }
  }

  /** Back to one event per tick (call when the CPU wakes up). */
  release(): void {
    for (const timer of this.timers) {
      if (timer.divider > 0)
        this.cpu.updateClockEvent(timer.count, timer.lastCycle + timer.divider - this.cpu.cycles);
    }
  }
}

function coalescable(timer: TimerInternals): boolean {
  return timer.divider > 0 && !timer.tcntUpdated && !timer.updateDivider && timer.TOP > 0;
}

/** Ticks until TCNT next equals OCRA or OCRB, or wraps past TOP (up/down in phase-correct modes). */
function ticksToNextEvent(timer: TimerInternals): number {
  const { tcnt, ocrA, ocrB, TOP } = timer;
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
