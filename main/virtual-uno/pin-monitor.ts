/**
 * Measures output waveforms per Uno pin from the edges the simulated MCU produces: period,
 * high time, duty cycle and frequency, averaged over the last few periods. Time is in CPU
 * cycles; the caller converts with the clock frequency. Cheap: work happens only on edges.
 */
import { UNO_PIN_COUNT } from '../../common/board/uno-pins';

/** Number of rising edges kept per pin (averages over RING - 1 periods). */
const RING = 9;
/**
 * A pin silent this long (at least 100 ms at 16 MHz, longer than any servo frame or audible tone
 * period, and at least three of its own periods, so a slow blink is not cut) starts a new
 * waveform: edges from before, e.g. a servo detached and attached again, must not be averaged
 * with the new ones (that hid a re-attached servo for several frames).
 */
const NEW_WAVEFORM_GAP_CYCLES = 1_600_000;

export interface PinWaveform {
  /** Mean period over the last periods, in cycles. */
  periodCycles: number;
  /** Width of the last complete high pulse, in cycles. */
  highCycles: number;
  /** Mean high time / mean period over the same window, 0..1. */
  duty: number;
}

export class PinMonitor {
  private readonly level = new Uint8Array(UNO_PIN_COUNT);
  private readonly rises = new Float64Array(UNO_PIN_COUNT * RING);
  private readonly riseCount = new Uint32Array(UNO_PIN_COUNT);
  /** Sum of high times over the same window as the ring (kept per slot). */
  private readonly highs = new Float64Array(UNO_PIN_COUNT * RING);
  private readonly lastHigh = new Float64Array(UNO_PIN_COUNT);
  private readonly lastEdge = new Float64Array(UNO_PIN_COUNT).fill(-1);

  /** Records the output level of a pin at a cycle count; ignores non-changes. */
  edge(pin: number, high: boolean, cycles: number): void {
    const value = high ? 1 : 0;
    if (this.level[pin] === value) return;
    this.level[pin] = value;
    const base = pin * RING;
    if (high && this.riseCount[pin] >= 2) {
      const count = this.riseCount[pin];
      const lastPeriod = this.rises[base + ((count - 1) % RING)] - this.rises[base + ((count - 2) % RING)];
      if (cycles - this.lastEdge[pin] > Math.max(NEW_WAVEFORM_GAP_CYCLES, 3 * lastPeriod))
        this.riseCount[pin] = 0;
    }
    this.lastEdge[pin] = cycles;
    const count = this.riseCount[pin];
    if (high) {
      this.rises[base + (count % RING)] = cycles;
      this.highs[base + (count % RING)] = 0;
      this.riseCount[pin] = count + 1;
    } else if (count > 0) {
      const rise = this.rises[base + ((count - 1) % RING)];
      const width = cycles - rise;
      this.highs[base + ((count - 1) % RING)] = width;
      this.lastHigh[pin] = width;
    }
  }

  /** Forgets everything (after an MCU reset). */
  clear(): void {
    this.level.fill(0);
    this.riseCount.fill(0);
    this.lastEdge.fill(-1);
    this.lastHigh.fill(0);
  }

  /**
   * The periodic waveform on a pin, or null when it is not toggling (fewer than two complete
   * periods seen, or no edge for more than three periods).
   */
  waveform(pin: number, now: number): PinWaveform | null {
    const count = this.riseCount[pin];
    if (count < 3) return null;
    const base = pin * RING;
    const n = Math.min(count, RING) - 1; // number of complete periods in the ring
    const newest = this.rises[base + ((count - 1) % RING)];
    const oldest = this.rises[base + ((count - 1 - n) % RING)];
    const periodCycles = (newest - oldest) / n;
    if (periodCycles <= 0 || now - this.lastEdge[pin] > 3 * periodCycles) return null;
    let highSum = 0;
    for (let k = 1; k <= n; k++) highSum += this.highs[base + ((count - 1 - k) % RING)];
    const duty = Math.min(1, Math.max(0, highSum / n / periodCycles));
    return { periodCycles, highCycles: this.lastHigh[pin], duty };
  }
}
