/**
 * Judges for expectations about an order or a path over time: lights turning on in order (a
 * traffic light), a melody's notes in order, a servo sweeping from one end to the other and
 * back, and "something changes" for open projects. Like the other judges, they look at runs of
 * samples, never at a single edge.
 */
import type { BehaviourCheck, CheckTimeline, Expectation } from './lesson-types';
import type { PinSegment, ScenarioTrace } from './pin-trace';
import { actualTrack, angleOf, clip, levelOf, pinName, type Verdict } from './trace-segments';

/** A note shorter than this is a glitch between two notes, not a note. */
const MIN_NOTE_MS = 40;
/** Different angles (in 5° bins) a "smooth" sweep passes through between its ends. */
const SMOOTH_MIN_ANGLES = 4;
/** Changes of state an output needs to count as "doing something". */
const MIN_CHANGES = 2;

const levelTimeline = (check: BehaviourCheck, trace: ScenarioTrace, pins: number[], window: CheckTimeline['window']) => ({
  durationMs: check.durationMs,
  window,
  tracks: pins.map((pin) => actualTrack(trace, pin, 'level', levelOf)),
});

export const judgeInOrder = (
  e: Extract<Expectation, { kind: 'in-order' }>,
  check: BehaviourCheck,
  trace: ScenarioTrace,
): Verdict => {
  const to = Math.min(e.toMs, check.durationMs);
  const rises: Array<{ atMs: number; index: number }> = [];
  for (const [index, pin] of e.pins.entries()) {
    const segments = clip(trace.pins[pin] ?? [], e.fromMs, to);
    segments.forEach((s, i) => {
      if (levelOf(s) === 1 && (i === 0 || levelOf(segments[i - 1]) === 0)) rises.push({ atMs: s.fromMs, index });
    });
  }
  rises.sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const timeline = levelTimeline(check, trace, e.pins, { fromMs: e.fromMs, toMs: to });
  const order = e.pins.map(pinName).join(' → ');
  const never = e.pins.find((_pin, index) => !rises.some((rise) => rise.index === index));
  if (never !== undefined) return { messageKey: 'lessonCheck.lightNeverOn', params: { pin: never, order }, timeline };
  for (let i = 1; i < rises.length; i++) {
    const expected = (rises[i - 1].index + 1) % e.pins.length;
    if (rises[i].index !== expected) {
      return {
        messageKey: 'lessonCheck.wrongLightOrder',
        params: { after: e.pins[rises[i - 1].index], actual: e.pins[rises[i].index], expected: e.pins[expected], order },
        timeline,
      };
    }
  }
  return null;
};

/** Consecutive values within the tolerance of each other count once. */
const collapse = (values: number[], same: (a: number, b: number) => boolean): number[] =>
  values.filter((value, index) => index === 0 || !same(values[index - 1], value));

export const judgeNotes = (
  e: Extract<Expectation, { kind: 'notes' }>,
  check: BehaviourCheck,
  trace: ScenarioTrace,
): Verdict => {
  const same = (a: number, b: number) => Math.abs(a - b) / b <= e.tolerance;
  // Runs of sound at about the same pitch; the short silences between tone chunks do not split a run.
  // A run's pitch is the one it held longest (the first samples of a note may still be measuring).
  const runs: Array<{ hz: number; ms: number; heldMs: Map<number, number> }> = [];
  for (const s of trace.pins[e.pin] ?? []) {
    if (s.hz === null) continue;
    const ms = s.toMs - s.fromMs;
    let run = runs[runs.length - 1];
    if (!run || !same(s.hz, run.hz)) {
      run = { hz: s.hz, ms: 0, heldMs: new Map() };
      runs.push(run);
    }
    run.ms += ms;
    run.heldMs.set(s.hz, (run.heldMs.get(s.hz) ?? 0) + ms);
  }
  const pitchOf = (run: (typeof runs)[number]): number =>
    [...run.heldMs.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
  const heard = collapse(
    runs.filter((run) => run.ms >= MIN_NOTE_MS).map(pitchOf),
    same,
  );
  const expected = collapse(e.hz, same);
  const timeline: CheckTimeline = {
    durationMs: check.durationMs,
    window: null,
    tracks: [actualTrack(trace, e.pin, 'hz', (s) => s.hz ?? 0)],
  };
  if (heard.length === 0) return { messageKey: 'lessonCheck.silentBuzzer', params: { pin: e.pin }, timeline };
  for (let start = 0; start + expected.length <= heard.length; start++) {
    if (expected.every((hz, j) => same(heard[start + j], hz))) return null;
  }
  return {
    messageKey: 'lessonCheck.wrongNotes',
    params: {
      pin: e.pin,
      expected: expected.join(', '),
      actual: heard
        .slice(0, expected.length + 2)
        .map((hz) => Math.round(hz))
        .join(', '),
    },
    timeline,
  };
};

export const judgeServoSweep = (
  e: Extract<Expectation, { kind: 'servo-sweep' }>,
  check: BehaviourCheck,
  trace: ScenarioTrace,
): Verdict => {
  const angles = (trace.pins[e.pin] ?? [])
    .filter((s): s is PinSegment & { pulseUs: number } => s.pulseUs !== null)
    .map((s) => angleOf(s.pulseUs));
  const timeline: CheckTimeline = {
    durationMs: check.durationMs,
    window: null,
    tracks: [actualTrack(trace, e.pin, 'degrees', (s) => (s.pulseUs === null ? 0 : angleOf(s.pulseUs)))],
  };
  if (angles.length === 0)
    return { messageKey: 'lessonCheck.servoNotMoving', params: { pin: e.pin, expected: e.high }, timeline };
  const ends: Array<'low' | 'high'> = [];
  const between = new Set<number>();
  for (const angle of angles) {
    const end = angle <= e.low + e.toleranceDeg ? 'low' : angle >= e.high - e.toleranceDeg ? 'high' : null;
    if (end === null) between.add(Math.round(angle / 5));
    else if (ends[ends.length - 1] !== end) ends.push(end);
  }
  if (!ends.includes('low') || !ends.includes('high')) {
    return {
      messageKey: 'lessonCheck.servoNotReaching',
      params: { pin: e.pin, low: e.low, high: e.high, min: Math.min(...angles), max: Math.max(...angles) },
      timeline,
    };
  }
  if (ends.length < 3) return { messageKey: 'lessonCheck.servoNotBack', params: { pin: e.pin }, timeline };
  if (e.smoothly && between.size < SMOOTH_MIN_ANGLES)
    return { messageKey: 'lessonCheck.servoJumps', params: { pin: e.pin }, timeline };
  return null;
};

/** A coarse state of an output: level, tone pitch and brightness, or servo angle. */
const stateOf = (s: PinSegment): string => {
  if (s.pulseUs !== null) return `servo ${Math.round(angleOf(s.pulseUs) / 10)}`;
  if (s.hz !== null) return `wave ${Math.round(s.hz / 20)} ${Math.round(s.duty * 10)}`;
  return `level ${levelOf(s)}`;
};

export const judgeChanges = (
  e: Extract<Expectation, { kind: 'changes' }>,
  check: BehaviourCheck,
  trace: ScenarioTrace,
): Verdict => {
  const changes = (pin: number) =>
    (trace.pins[pin] ?? []).map(stateOf).filter((state, index, all) => index > 0 && state !== all[index - 1]).length;
  if (e.pins.some((pin) => changes(pin) >= MIN_CHANGES)) return null;
  return {
    messageKey: 'lessonCheck.nothingHappens',
    params: { pins: e.pins.map(pinName).join(', ') },
    timeline: levelTimeline(check, trace, e.pins, null),
  };
};
