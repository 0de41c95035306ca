/**
 * Small helpers the behaviour judges share: clipping a pin's segments to a window, reading a
 * segment as a level or a servo angle, and building expected-vs-actual timeline tracks.
 */
import { isAnalogPin, unoPinLabel } from '../board/uno-pins';
import type { CheckTimeline, TimelineSegment, TimelineTrack } from './lesson-types';
import type { PinSegment, ScenarioTrace } from './pin-trace';

/** Servo pulse range the board session uses: 0° = 600 µs, 180° = 2400 µs. */
const SERVO_US: [number, number] = [600, 2400];

export const pinName = (pin: number): string => (isAnalogPin(pin) ? unoPinLabel(pin) : `D${pin}`);

export const clip = (segments: PinSegment[], from: number, to: number): PinSegment[] =>
  segments
    .filter((s) => s.toMs > from && s.fromMs < to)
    .map((s) => ({ ...s, fromMs: Math.max(s.fromMs, from), toMs: Math.min(s.toMs, to) }));

/** Level of a segment: its slow level, or "on" when a fast wave is high more than half the time. */
export const levelOf = (s: PinSegment): number => (s.level ?? (s.duty > 0.5 ? 1 : 0));

export const angleOf = (pulseUs: number): number =>
  Math.round(((pulseUs - SERVO_US[0]) / (SERVO_US[1] - SERVO_US[0])) * 180);

export const track = (
  pin: number,
  role: TimelineTrack['role'],
  unit: TimelineTrack['unit'],
  segments: TimelineSegment[],
): TimelineTrack => ({ pin: pinName(pin), role, unit, segments });

export const actualTrack = (
  trace: ScenarioTrace,
  pin: number,
  unit: TimelineTrack['unit'],
  value: (s: PinSegment) => number,
) =>
  track(
    pin,
    'actual',
    unit,
    (trace.pins[pin] ?? []).map((s) => ({ fromMs: s.fromMs, toMs: s.toMs, value: value(s) })),
  );

/** A judge's answer: null when the expectation is met, else the child message and the timeline. */
export type Verdict = {
  messageKey: string;
  params: Record<string, string | number>;
  timeline: CheckTimeline;
} | null;
