/**
 * Decides, from the wall clock and the simulated clock, whether the virtual Uno should run
 * another slice or wait. Simulated time follows wall time; when the host falls behind by more
 * than maxLagMs (a slow machine, a GC pause, a suspended laptop) the excess is dropped instead of
 * sprinted through, so the board is never seconds late and never bursts. Pure: clocks are passed in.
 */
export type PacerStep = { runMs: number } | { waitMs: number };

export class RealTimePacer {
  private wallOrigin = 0;
  private simOrigin = 0;
  /** Simulated time given up because the host could not keep up (ms, total). */
  droppedLagMs = 0;

  constructor(
    readonly sliceMs = 5,
    readonly maxLagMs = 100,
  ) {}

  /** (Re)starts pacing from this moment, e.g. after a reset. */
  restart(wallMs: number, simMs: number): void {
    this.wallOrigin = wallMs;
    this.simOrigin = simMs;
  }

  next(wallMs: number, simMs: number): PacerStep {
    let lag = this.simOrigin + (wallMs - this.wallOrigin) - simMs;
    if (lag > this.maxLagMs) {
      this.simOrigin -= lag - this.maxLagMs;
      this.droppedLagMs += lag - this.maxLagMs;
      lag = this.maxLagMs;
    }
    return lag >= 0 ? { runMs: this.sliceMs } : { waitMs: -lag };
  }
}
