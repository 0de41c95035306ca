/**
 * Maps a pin snapshot of the board to what each part shows: LED on and brightness, servo angle,
 * buzzer sound. Pure, so it is tested in Node without the web components.
 */
import type { PinSnapshot } from '../../common/ipc/contract-board';
import type { KitLayout, KitPart } from './kit-layout';

export type PartState =
  | { kind: 'led'; on: boolean; brightness: number }
  | { kind: 'servo'; angle: number | null }
  | { kind: 'buzzer'; hz: number | null };

/** Arduino's Servo library and johnny-five agree on roughly this pulse range for 0°-180°. */
export const defaultServoRangeUs: [number, number] = [600, 2400];

export const ledState = (snapshot: PinSnapshot, pin: number): PartState & { kind: 'led' } => {
  const duty = snapshot.pwmDuty[pin];
  const brightness =
    duty !== null && duty !== undefined ? Math.min(1, Math.max(0, duty)) : snapshot.digital[pin] ? 1 : 0;
  return { kind: 'led', on: brightness > 0, brightness };
};

/** Servo horn angle from the pulse width, or null while no pulses come (the horn stays put). */
export const servoAngle = (
  pulseUs: number | undefined,
  [minUs, maxUs]: [number, number] = defaultServoRangeUs,
): number | null => {
  if (pulseUs === undefined || !Number.isFinite(pulseUs) || pulseUs <= 0) return null;
  const fraction = (pulseUs - minUs) / (maxUs - minUs);
  return Math.round(Math.min(1, Math.max(0, fraction)) * 180);
};

export const partState = (part: KitPart, snapshot: PinSnapshot): PartState | null => {
  switch (part.kind) {
    case 'led':
      return ledState(snapshot, part.pin);
    case 'servo':
      return { kind: 'servo', angle: servoAngle(snapshot.servoPulseUs[String(part.pin)], part.pulseRangeUs) };
    case 'buzzer': {
      const hz = snapshot.toneHz[String(part.pin)];
      return { kind: 'buzzer', hz: hz !== undefined && hz > 0 ? Math.round(hz) : null };
    }
    default:
      return null;
  }
};

/** Every output part's state by part id (inputs have none). */
export const layoutState = (layout: KitLayout, snapshot: PinSnapshot): Map<string, PartState> => {
  const states = new Map<string, PartState>();
  for (const part of layout.parts) {
    const state = partState(part, snapshot);
    if (state) states.set(part.id, state);
  }
  return states;
};

/** Volts on an analog input for a potentiometer position 0..1 (5 V reference). */
export const potVolts = (fraction: number): number =>
  Math.round(Math.min(1, Math.max(0, fraction)) * 500) / 100;
