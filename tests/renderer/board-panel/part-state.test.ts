import { describe, expect, it } from 'vitest';
import type { PinSnapshot } from '../../../common/ipc/contract-board';
import { defaultKitLayout } from '../../../renderer/board-panel/kit-layout';
import { unoPinLabel } from '../../../common/board/uno-pins';
import { layoutState, ledState, potVolts, servoAngle } from '../../../renderer/board-panel/part-state';

const snapshot = (patch: Partial<PinSnapshot> = {}): PinSnapshot => ({
  simTimeMs: 0,
  digital: Array.from({ length: 20 }, () => false),
  pwmDuty: Array.from({ length: 20 }, () => null),
  servoPulseUs: {},
  toneHz: {},
  analogVolts: [0, 0, 0, 0, 0, 0],
  ...patch,
});

describe('pin snapshot → what the panel parts show', () => {
  it('lights LEDs from digital levels and dims them from PWM duty', () => {
    const digital = snapshot().digital;
    digital[13] = true;
    const pwmDuty = snapshot().pwmDuty;
    pwmDuty[9] = 0.25;
    pwmDuty[10] = 0;
    const state = snapshot({ digital, pwmDuty });
    expect(ledState(state, 13)).toEqual({ kind: 'led', on: true, brightness: 1 });
    expect(ledState(state, 9)).toEqual({ kind: 'led', on: true, brightness: 0.25 });
    expect(ledState(state, 10)).toEqual({ kind: 'led', on: false, brightness: 0 });
    expect(ledState(state, 11)).toEqual({ kind: 'led', on: false, brightness: 0 });
  });

  it('turns servo pulses into angles and keeps the horn still without pulses', () => {
    expect([
      servoAngle(600),
      servoAngle(1500),
      servoAngle(2400),
      servoAngle(3000),
      servoAngle(undefined),
    ]).toEqual([0, 90, 180, 180, null]);
    expect(servoAngle(1472, [544, 2400])).toBe(90);
  });

  it('maps the whole default kit from one snapshot', () => {
    const digital = snapshot().digital;
    digital[11] = true;
    const states = layoutState(
      defaultKitLayout,
      snapshot({ digital, servoPulseUs: { '6': 1050 }, toneHz: { '8': 440.2 } }),
    );
    expect(Object.fromEntries(states)).toEqual({
      'led-13': { kind: 'led', on: false, brightness: 0 },
      'led-9': { kind: 'led', on: false, brightness: 0 },
      'led-10': { kind: 'led', on: false, brightness: 0 },
      'led-11': { kind: 'led', on: true, brightness: 1 },
      'servo-6': { kind: 'servo', angle: 45 },
      'buzzer-8': { kind: 'buzzer', hz: 440 },
    });
    expect(layoutState(defaultKitLayout, snapshot()).get('buzzer-8')).toEqual({ kind: 'buzzer', hz: null });
  });

  it('gives pot volts and pin names', () => {
    expect([potVolts(0), potVolts(0.5), potVolts(1), potVolts(2)]).toEqual([0, 2.5, 5, 5]);
    expect([unoPinLabel(13), unoPinLabel(14), unoPinLabel(19)]).toEqual(['13', 'A0', 'A5']);
  });
});
