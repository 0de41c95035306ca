/**
 * Lets an event through at most once per interval, checked synchronously (so a tight loop with
 * no await still sends a bounded number of messages), and tells the caller when the next slot
 * opens so the last value can be sent by a trailing timer.
 */
export class RateGate {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs: number) {}

  /** True (and the slot is taken) when at least intervalMs passed since the last pass. */
  tryPass(now: number): boolean {
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }

  /** Milliseconds until tryPass would succeed (0 when it would now). */
  waitFor(now: number): number {
    return Math.max(0, this.last + this.intervalMs - now);
  }
}
