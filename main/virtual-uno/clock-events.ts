/**
 * What cpu.tick() does after each instruction, except that every clock event already due fires,
 * not just the first one: avr8js fires one per instruction, so an event that falls due together
 * with another waits an instruction or more, and how long depends on how many other events there
 * are. On the chip, peripherals act at their own cycle whatever else happens at it. Then, as in
 * tick(), the highest-priority pending interrupt is taken if interrupts are enabled.
 */
import { avrInterrupt, type CPU } from 'avr8js';

interface ClockEvent {
  cycles: number;
  callback: () => void;
  next: ClockEvent | null;
}

interface CpuInternals {
  nextClockEvent: ClockEvent | null;
  clockEventPool: ClockEvent[];
  pendingInterrupts: Array<{ address: number; constant?: boolean } & Parameters<CPU['clearInterrupt']>[0]>;
}

const POOL_SIZE = 10; // as avr8js keeps

export function tickAllDue(cpu: CPU): void {
  const internals = cpu as unknown as CpuInternals;
  for (
    let event = internals.nextClockEvent;
    event !== null && event.cycles <= cpu.cycles;
    event = internals.nextClockEvent
  ) {
    event.callback();
    internals.nextClockEvent = event.next;
    if (internals.clockEventPool.length < POOL_SIZE) internals.clockEventPool.push(event);
  }
  const { nextInterrupt } = cpu;
  if (nextInterrupt >= 0 && cpu.interruptsEnabled) {
    const interrupt = internals.pendingInterrupts[nextInterrupt];
    avrInterrupt(cpu, interrupt.address);
    if (!interrupt.constant) cpu.clearInterrupt(interrupt);
  }
}
