/**
 * Judges a behaviour check's expectations, in order, on the pin trace of one scenario run. The
 * first one not met comes back as a message key for the child plus an expected-vs-actual
 * timeline of the pins involved. Tolerances apply to averages and medians, never to single
 * edges, and a short reaction time after each input change is not judged.
 */
import type { BehaviourCheck, CheckTimeline, Expectation, TimelineSegment, TimelineTrack } from './lesson-types';
import type { PinSegment, ScenarioTrace } from './pin-trace';
import { isAnalogPin, unoPinLabel } from '../board/uno-pins';

/** Time a program gets to react to an input change (a poll loop, the wire, debouncing). */
export const REACTION_MS = 150;
/** Share of the judged time an output may disagree with what is expected (glitches, chunks). */
export const MISMATCH_SHARE = 0.05;
/** Servo pulse range the board session uses: 0° = 600 µs, 180° = 2400 µs. */
const SERVO_US: [number, number] = [600, 2400];

export interface JudgedFailure {
  expectationIndex: number;
  messageKey: string;
  params: Record<string, string | number>;
  timeline: CheckTimeline;
}

export const pinName = (pin: number): string => (isAnalogPin(pin) ? unoPinLabel(pin) : `D${pin}`);
const round2 = (value: number) => Math.round(value * 100) / 100;

type Interval = [number, number];

const clip = (segments: PinSegment[], from: number, to: number): PinSegment[] =>
  segments
    .filter((s) => s.toMs > from && s.fromMs < to)
    .map((s) => ({ ...s, fromMs: Math.max(s.fromMs, from), toMs: Math.min(s.toMs, to) }));

/** Level of a segment: its slow level, or "on" when a fast wave is high more than half the time. */
const levelOf = (s: PinSegment): number => (s.level ?? (s.duty > 0.5 ? 1 : 0));

const track = (
  pin: number,
  role: TimelineTrack['role'],
  unit: TimelineTrack['unit'],
  segments: TimelineSegment[],
): TimelineTrack => ({ pin: pinName(pin), role, unit, segments });

const actualTrack = (trace: ScenarioTrace, pin: number, unit: TimelineTrack['unit'], value: (s: PinSegment) => number) =>
  track(
    pin,
    'actual',
    unit,
    (trace.pins[pin] ?? []).map((s) => ({ fromMs: s.fromMs, toMs: s.toMs, value: value(s) })),
  );

/** Intervals during which the button on `pin` is held, from the check's stimuli. */
const pressedIntervals = (check: BehaviourCheck, pin: number): Interval[] =>
  check.stimuli
    .filter((s) => s.kind === 'press' && s.pin === pin)
    .map((s): Interval => (s.kind === 'press' ? [s.atMs, s.atMs + s.forMs] : [0, 0]))
    .sort((a, b) => a[0] - b[0]);

const levelSegments = (durationMs: number, on: Interval[]): TimelineSegment[] => {
  const segments: TimelineSegment[] = [];
  let t = 0;
  for (const [from, to] of on) {
    if (from > t) segments.push({ fromMs: t, toMs: from, value: 0 });
    segments.push({ fromMs: from, toMs: Math.min(to, durationMs), value: 1 });
    t = to;
  }
  if (t < durationMs) segments.push({ fromMs: t, toMs: durationMs, value: 0 });
  return segments;
};

/** Time-weighted median of a value over segments (values null count as 0). */
const median = (segments: PinSegment[], value: (s: PinSegment) => number | null): number | null => {
  const items = segments.map((s) => ({ v: value(s) ?? 0, w: s.toMs - s.fromMs })).filter((i) => i.w > 0);
  const total = items.reduce((sum, i) => sum + i.w, 0);
  if (total === 0) return null;
  items.sort((a, b) => a.v - b.v);
  let acc = 0;
  for (const item of items) {
    acc += item.w;
    if (acc >= total / 2) return item.v;
  }
  return items[items.length - 1].v;
};

/** Judged parts of the run: everything except REACTION_MS after each change of the expected level. */
const judgedIntervals = (expected: TimelineSegment[], durationMs: number): Array<[number, number, number]> => {
  const result: Array<[number, number, number]> = [];
  for (const s of expected) {
    const from = s.fromMs === 0 ? 0 : s.fromMs + REACTION_MS;
    if (from < s.toMs && from < durationMs) result.push([from, Math.min(s.toMs, durationMs), s.value]);
  }
  return result;
};

/** How long the pin was off while expected on, and on while expected off. */
const mismatch = (segments: PinSegment[], expected: TimelineSegment[], durationMs: number) => {
  let offWhenOn = 0;
  let onWhenOff = 0;
  let judged = 0;
  for (const [from, to, want] of judgedIntervals(expected, durationMs)) {
    judged += to - from;
    for (const s of clip(segments, from, to)) {
      const got = levelOf(s);
      if (want === 1 && got === 0) offWhenOn += s.toMs - s.fromMs;
      if (want === 0 && got === 1) onWhenOff += s.toMs - s.fromMs;
    }
  }
  return { offWhenOn, onWhenOff, judged };
};

type Judge = (e: never, check: BehaviourCheck, trace: ScenarioTrace) => Omit<JudgedFailure, 'expectationIndex'> | null;

const judgeBlinks = (
  e: Extract<Expectation, { kind: 'blinks' }>,
  check: BehaviourCheck,
  trace: ScenarioTrace,
): Omit<JudgedFailure, 'expectationIndex'> | null => {
  const to = Math.min(e.toMs, check.durationMs);
  const segments = clip(trace.pins[e.pin] ?? [], e.fromMs, to);
  const rises = segments.filter((s, i) => i > 0 && levelOf(s) === 1 && levelOf(segments[i - 1]) === 0).map((s) => s.fromMs);
  const firstRise = rises[0] ?? e.fromMs;
  const expected: TimelineSegment[] = [];
  for (let t = firstRise; t < to; t += e.periodMs) {
    expected.push({ fromMs: t, toMs: Math.min(t + e.periodMs / 2, to), value: 1 });
    if (t + e.periodMs / 2 < to) expected.push({ fromMs: t + e.periodMs / 2, toMs: Math.min(t + e.periodMs, to), value: 0 });
  }
  const timeline: CheckTimeline = {
    durationMs: check.durationMs,
    window: { fromMs: e.fromMs, toMs: to },
    tracks: [track(e.pin, 'expected', 'level', expected), actualTrack(trace, e.pin, 'level', levelOf)],
  };
  const expectedSeconds = round2(e.periodMs / 1000);
  if (rises.length < 3) {
    return { messageKey: 'lessonCheck.notBlinking', params: { pin: e.pin, expectedSeconds }, timeline };
  }
  const period = (rises[rises.length - 1] - rises[0]) / (rises.length - 1);
  if (Math.abs(period - e.periodMs) / e.periodMs <= e.tolerance) return null;
  return {
    messageKey: period < e.periodMs ? 'lessonCheck.blinksTooFast' : 'lessonCheck.blinksTooSlow',
    params: { pin: e.pin, expectedSeconds, actualSeconds: round2(period / 1000) },
    timeline,
  };
};

const judgeDuty = (
  e: Extract<Expectation, { kind: 'duty' }>,
  check: BehaviourCheck,
  trace: ScenarioTrace,
): Omit<JudgedFailure, 'expectationIndex'> | null => {
  const to = Math.min(e.toMs, check.durationMs);
  const segments = clip(trace.pins[e.pin] ?? [], e.fromMs, to);
  const total = segments.reduce((sum, s) => sum + (s.toMs - s.fromMs), 0);
  const mean = total > 0 ? segments.reduce((sum, s) => sum + s.duty * (s.toMs - s.fromMs), 0) / total : 0;
  if (mean >= e.min && mean <= e.max) return null;
  return {
    messageKey: mean < e.min ? 'lessonCheck.tooDim' : 'lessonCheck.tooBright',
    params: {
      pin: e.pin,
      minPercent: Math.round(e.min * 100),
      maxPercent: Math.round(e.max * 100),
      actualPercent: Math.round(mean * 100),
    },
    timeline: {
      durationMs: check.durationMs,
      window: { fromMs: e.fromMs, toMs: to },
      tracks: [
        track(e.pin, 'expected', 'duty', [{ fromMs: e.fromMs, toMs: to, value: (e.min + e.max) / 2 }]),
        actualTrack(trace, e.pin, 'duty', (s) => s.duty),
      ],
    },
  };
};

const angleOf = (pulseUs: number): number =>
  Math.round(((pulseUs - SERVO_US[0]) / (SERVO_US[1] - SERVO_US[0])) * 180);

const judgeServo = (
  e: Extract<Expectation, { kind: 'servo' }>,
  check: BehaviourCheck,
  trace: ScenarioTrace,
): Omit<JudgedFailure, 'expectationIndex'> | null => {
  const segments = clip(trace.pins[e.pin] ?? [], e.byMs, check.durationMs);
  const angle = median(segments, (s) => (s.pulseUs === null ? null : angleOf(s.pulseUs)));
  const pulsing = segments.some((s) => s.pulseUs !== null);
  const timeline: CheckTimeline = {
    durationMs: check.durationMs,
    window: { fromMs: e.byMs, toMs: check.durationMs },
    tracks: [
      track(e.pin, 'expected', 'degrees', [{ fromMs: e.byMs, toMs: check.durationMs, value: e.angle }]),
      actualTrack(trace, e.pin, 'degrees', (s) => (s.pulseUs === null ? 0 : angleOf(s.pulseUs))),
    ],
  };
  if (!pulsing || angle === null)
    return { messageKey: 'lessonCheck.servoNotMoving', params: { pin: e.pin, expected: e.angle }, timeline };
  if (Math.abs(angle - e.angle) <= e.toleranceDeg) return null;
  return { messageKey: 'lessonCheck.servoWrongAngle', params: { pin: e.pin, expected: e.angle, actual: angle }, timeline };
};

const judgeToneWhile = (
  e: Extract<Expectation, { kind: 'tone-while' }>,
  check: BehaviourCheck,
  trace: ScenarioTrace,
): Omit<JudgedFailure, 'expectationIndex'> | null => {
  const pressed = pressedIntervals(check, e.whilePin);
  const expected = levelSegments(check.durationMs, pressed).map((s) => ({ ...s, value: s.value * e.hz }));
  const timeline: CheckTimeline = {
    durationMs: check.durationMs,
    window: null,
    tracks: [
      track(e.whilePin, 'stimulus', 'level', levelSegments(check.durationMs, pressed)),
      track(e.pin, 'expected', 'hz', expected),
      actualTrack(trace, e.pin, 'hz', (s) => s.hz ?? 0),
    ],
  };
  const segments = trace.pins[e.pin] ?? [];
  const held = pressed.flatMap(([from, to]) => clip(segments, from + REACTION_MS, to));
  const heldHz = median(held, (s) => s.hz);
  if (heldHz === null || heldHz === 0)
    return { messageKey: 'lessonCheck.silentWhilePressed', params: { pin: e.pin, button: e.whilePin }, timeline };
  if (Math.abs(heldHz - e.hz) / e.hz > e.tolerance) {
    return {
      messageKey: 'lessonCheck.wrongTone',
      params: { pin: e.pin, expected: e.hz, actual: Math.round(heldHz) },
      timeline,
    };
  }
  const { onWhenOff, judged } = mismatch(
    segments.map((s) => ({ ...s, level: s.hz !== null ? 1 : 0 })),
    levelSegments(check.durationMs, pressed),
    check.durationMs,
  );
  if (judged > 0 && onWhenOff / judged > MISMATCH_SHARE)
    return { messageKey: 'lessonCheck.soundsWhenReleased', params: { pin: e.pin, button: e.whilePin }, timeline };
  return null;
};

const judgeLevelRule = (
  pin: number,
  expected: TimelineSegment[],
  stimulus: TimelineTrack,
  check: BehaviourCheck,
  trace: ScenarioTrace,
  keys: { offWhenOn: string; onWhenOff: string },
  params: Record<string, string | number>,
): Omit<JudgedFailure, 'expectationIndex'> | null => {
  const { offWhenOn, onWhenOff, judged } = mismatch(trace.pins[pin] ?? [], expected, check.durationMs);
  const timeline: CheckTimeline = {
    durationMs: check.durationMs,
    window: null,
    tracks: [stimulus, track(pin, 'expected', 'level', expected), actualTrack(trace, pin, 'level', levelOf)],
  };
  if (judged === 0) return null;
  if (offWhenOn / judged > MISMATCH_SHARE) return { messageKey: keys.offWhenOn, params, timeline };
  if (onWhenOff / judged > MISMATCH_SHARE) return { messageKey: keys.onWhenOff, params, timeline };
  return null;
};

const judgeFollows = (
  e: Extract<Expectation, { kind: 'follows' }>,
  check: BehaviourCheck,
  trace: ScenarioTrace,
): Omit<JudgedFailure, 'expectationIndex'> | null => {
  const pressed = levelSegments(check.durationMs, pressedIntervals(check, e.source));
  return judgeLevelRule(
    e.pin,
    pressed,
    track(e.source, 'stimulus', 'level', pressed),
    check,
    trace,
    { offWhenOn: 'lessonCheck.offWhilePressed', onWhenOff: 'lessonCheck.onWhileReleased' },
    { pin: e.pin, button: e.source },
  );
};

/** Distance over time from the check's stimuli (before the first one: nothing in front, 400 cm). */
const distanceSegments = (check: BehaviourCheck, pin: number): TimelineSegment[] => {
  const changes = check.stimuli
    .filter((s) => s.kind === 'distance' && s.pin === pin)
    .map((s) => (s.kind === 'distance' ? { at: s.atMs, cm: s.cm } : { at: 0, cm: 0 }))
    .sort((a, b) => a.at - b.at);
  const segments: TimelineSegment[] = [];
  let t = 0;
  let cm = 400;
  for (const change of changes) {
    if (change.at > t) segments.push({ fromMs: t, toMs: change.at, value: cm });
    t = Math.max(t, change.at);
    cm = change.cm;
  }
  segments.push({ fromMs: t, toMs: check.durationMs, value: cm });
  return segments;
};

const judgeCloser = (
  e: Extract<Expectation, { kind: 'on-when-closer' }>,
  check: BehaviourCheck,
  trace: ScenarioTrace,
): Omit<JudgedFailure, 'expectationIndex'> | null => {
  const distance = distanceSegments(check, e.sensorPin);
  const expected = distance.map((s) => ({ ...s, value: s.value < e.belowCm ? 1 : 0 }));
  return judgeLevelRule(
    e.pin,
    expected,
    track(e.sensorPin, 'stimulus', 'cm', distance),
    check,
    trace,
    { offWhenOn: 'lessonCheck.offWhenClose', onWhenOff: 'lessonCheck.onWhenFar' },
    { pin: e.pin, cm: e.belowCm },
  );
};

const judgePrints = (
  e: Extract<Expectation, { kind: 'prints' }>,
  check: BehaviourCheck,
  trace: ScenarioTrace,
): Omit<JudgedFailure, 'expectationIndex'> | null =>
  trace.prints.some((line) => line.text.trim() === e.text.trim())
    ? null
    : {
        messageKey: 'lessonCheck.didNotPrint',
        params: { text: e.text },
        timeline: { durationMs: check.durationMs, window: null, tracks: [] },
      };

const judges: Record<Expectation['kind'], Judge> = {
  blinks: judgeBlinks as Judge,
  duty: judgeDuty as Judge,
  servo: judgeServo as Judge,
  'tone-while': judgeToneWhile as Judge,
  follows: judgeFollows as Judge,
  'on-when-closer': judgeCloser as Judge,
  prints: judgePrints as Judge,
};

/** The first expectation not met, or null when the run meets them all. */
export const judgeBehaviour = (check: BehaviourCheck, trace: ScenarioTrace): JudgedFailure | null => {
  if (trace.fault) {
    return {
      expectationIndex: -1,
      messageKey: trace.fault.messageKey,
      params: trace.fault.params,
      timeline: { durationMs: check.durationMs, window: null, tracks: [] },
    };
  }
  for (const [index, expectation] of check.expectations.entries()) {
    const failure = judges[expectation.kind](expectation as never, check, trace);
    if (failure) return { expectationIndex: index, ...failure };
  }
  return null;
};

/** Pins a check needs traced: every expectation's output pin. */
export const tracedPins = (check: BehaviourCheck): number[] => [
  ...new Set(check.expectations.flatMap((e) => (e.kind === 'prints' ? [] : [e.pin]))),
];
