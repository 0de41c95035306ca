/**
 * What the serial link to a Uno can carry: 57600 baud, 10 bits a byte (start, 8 data, stop) —
 * 5,760 bytes a second, to a real board or the virtual one alike. The budget models the bytes
 * still on their way from the bytes written and the time passed; commands wait for it (see
 * BoardSession) so a program that calls faster than the wire carries is slowed down instead of
 * piling up a queue the board works through seconds late.
 */
import { performance } from 'node:perf_hooks';

export const LINK_BAUD = 57_600;
export const LINK_BYTES_PER_SECOND = LINK_BAUD / 10;
/** Bytes allowed on the way before the next command waits: about 11 ms of wire. */
export const LINK_MAX_BACKLOG_BYTES = 64;

export class LinkBudget {
  private backlog = 0;
  private at: number;

  constructor(
    private readonly bytesPerSecond = LINK_BYTES_PER_SECOND,
    private readonly maxBacklogBytes = LINK_MAX_BACKLOG_BYTES,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.at = now();
  }

  /** Bytes written and not yet carried, by the model. */
  queuedBytes(): number {
    const now = this.now();
    this.backlog = Math.max(0, this.backlog - ((now - this.at) * this.bytesPerSecond) / 1000);
    this.at = now;
    return this.backlog;
  }

  /** Counts bytes just handed to the link. */
  charge(bytes: number): void {
    this.backlog = this.queuedBytes() + bytes;
  }

  /** Milliseconds until the backlog is down to the cap (0 = a command may go now). */
  msUntilFree(): number {
    const excess = this.queuedBytes() - this.maxBacklogBytes;
    return excess > 0 ? (excess * 1000) / this.bytesPerSecond : 0;
  }
}
