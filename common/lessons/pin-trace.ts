/**
 * What a behaviour check records on the virtual Uno, sampled every simulated millisecond and
 * merged into segments while nothing changes. Times are ms since the program started.
 */

export interface PinSegment {
  fromMs: number;
  toMs: number;
  /** Level, for slow signals (null while the pin carries a fast wave: PWM, tone, servo). */
  level: 0 | 1 | null;
  /** Mean duty 0..1 of the wave (or the level as 0/1 when there is no wave). */
  duty: number;
  /** Frequency of the wave, or null when the pin does not toggle. */
  hz: number | null;
  /** High time of a servo-like pulse (period 5–40 ms, 300–3000 µs), else null. */
  pulseUs: number | null;
}

export interface PrintedLine {
  atMs: number;
  text: string;
}

/** The program ended with an error: message key + params as the runner would show it. */
export interface TraceFault {
  atMs: number;
  messageKey: string;
  params: Record<string, string | number>;
}

export interface ScenarioTrace {
  durationMs: number;
  /** Per pin number (digital 0–13, analog pins 14–19). */
  pins: Record<number, PinSegment[]>;
  prints: PrintedLine[];
  fault: TraceFault | null;
  /** Simulated time of the whole run, board handshake included. */
  simulatedMs: number;
}

export const sameSample = (a: Omit<PinSegment, 'fromMs' | 'toMs'>, b: Omit<PinSegment, 'fromMs' | 'toMs'>) =>
  a.level === b.level && a.duty === b.duty && a.hz === b.hz && a.pulseUs === b.pulseUs;

/** Appends a sample covering [fromMs, toMs), extending the last segment when it is the same. */
export const appendSample = (
  segments: PinSegment[],
  fromMs: number,
  toMs: number,
  sample: Omit<PinSegment, 'fromMs' | 'toMs'>,
): void => {
  const last = segments[segments.length - 1];
  if (last && last.toMs === fromMs && sameSample(last, sample)) last.toMs = toMs;
  else segments.push({ fromMs, toMs, ...sample });
};
