/**
 * The sequence and open-project behaviour checks on the virtual Uno in simulated time: lights in
 * order, notes in order, a servo sweep, "changes on" and the buzzer sounding when something is
 * close. For each: a wrong program fails with the child message, and a correct program passes
 * written two different ways.
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../common/lessons/lesson-types';
import { checkStep } from '../../../main/lessons/check/check-step';
import { behaviourLesson } from './behaviour-lesson';
import * as w from './lesson-workspaces';

const check = (fence: string, workspace: unknown): Promise<CheckResult> =>
  checkStep({ lesson: behaviourLesson(fence), stepIndex: 0, workspace });

const failureOf = (result: CheckResult) => {
  if (result.passed) throw new Error('expected the check to fail');
  return result.failure;
};

const withVariable = (workspace: ReturnType<typeof w.workspaceOf>, id: string) => ({
  ...workspace,
  variables: [{ name: id, id }],
});
const variable = (id: string) => ({ type: 'variables_get', fields: { VAR: { id } } });
const countFrom = (id: string, from: number, to: number, by: number, body: Record<string, unknown>) => ({
  type: 'controls_for',
  fields: { VAR: { id } },
  inputs: {
    FROM: { shadow: { type: 'math_number', fields: { NUM: from } } },
    TO: { shadow: { type: 'math_number', fields: { NUM: to } } },
    BY: { shadow: { type: 'math_number', fields: { NUM: by } } },
    DO: { block: body },
  },
});
const servoTo = (angle: Record<string, unknown>) => ({
  type: 'chispa_servo_write',
  fields: { PIN: '6' },
  inputs: { ANGLE: { shadow: { type: 'math_number', fields: { NUM: 90 } }, block: angle } },
});

/** Behaviour checks run real firmware in worker threads: generous on a loaded machine. */
const CHECK_TEST_TIMEOUT_MS = 600_000;

describe('sequence and open-project behaviour checks on the virtual Uno', () => {
  it('lights in order: red-yellow-green fails "red, green, yellow"; a loop and overlapping lights pass', async () => {
    const fence = '```behaviour 6 s\nexpect lights D12 D10 D11 in order\n```';
    const light = (pin: number, ms: number) => [w.led(pin, true), w.waitMs(ms), w.led(pin, false)];
    const wrongOrder = w.workspaceOf(w.whileTrue(w.chain(...light(12, 600), ...light(11, 300), ...light(10, 600))));
    const redOnly = w.workspaceOf(w.whileTrue(w.chain(...light(12, 600), w.waitMs(600))));
    const loop = w.workspaceOf(w.whileTrue(w.chain(...light(12, 600), ...light(10, 600), ...light(11, 300))));
    // The next light turns on before the last one turns off, and a counted repeat: still in order.
    const overlapping = w.workspaceOf(
      w.repeat(
        10,
        w.chain(
          w.led(12, true),
          w.waitMs(500),
          w.led(10, true),
          w.led(12, false),
          w.waitMs(500),
          w.led(11, true),
          w.led(10, false),
          w.waitMs(300),
          w.led(11, false),
        ),
      ),
    );
    const [wrong, missing, looped, overlapped] = await Promise.all([
      check(fence, wrongOrder),
      check(fence, redOnly),
      check(fence, loop),
      check(fence, overlapping),
    ]);
    expect(failureOf(wrong)).toMatchObject({
      messageKey: 'lessonCheck.wrongLightOrder',
      params: { after: 12, actual: 11, expected: 10, order: 'D12 → D10 → D11' },
    });
    expect(failureOf(wrong).timeline?.tracks.map((t) => `${t.pin} ${t.role}`)).toEqual([
      'D12 actual',
      'D10 actual',
      'D11 actual',
    ]);
    expect(failureOf(missing)).toMatchObject({ messageKey: 'lessonCheck.lightNeverOn', params: { pin: 10 } });
    expect(looped.passed).toBe(true);
    expect(overlapped.passed).toBe(true);
  }, CHECK_TEST_TIMEOUT_MS);

  it('notes in order: a wrong melody and silence fail; a stack of notes and a repeat with split notes pass', async () => {
    const fence = '```behaviour 3 s\nexpect D8 plays 262 262 392 440 Hz in order ± 5 %\n```';
    const [wrong, silent, stacked, repeated] = await Promise.all([
      check(fence, w.workspaceOf(w.chain(w.tone(8, 262, 300), w.tone(8, 440, 300), w.tone(8, 392, 300)))),
      check(fence, w.workspaceOf(w.chain(w.led(13, true), w.waitSeconds(2)))),
      check(fence, w.workspaceOf(w.chain(w.tone(8, 262, 500), w.tone(8, 392, 300), w.tone(8, 440, 300)))),
      // The same tune twice, its first note played as two short notes: equal notes in a row count once.
      check(
        fence,
        w.workspaceOf(w.repeat(2, w.chain(w.tone(8, 262, 150), w.tone(8, 262, 150), w.tone(8, 392, 200), w.tone(8, 440, 200)))),
      ),
    ]);
    expect(failureOf(wrong)).toMatchObject({
      messageKey: 'lessonCheck.wrongNotes',
      params: { pin: 8, expected: '262, 392, 440' },
    });
    // What the board really played: the timer's nearest pitch to 392 Hz is 393 Hz.
    expect(failureOf(wrong).params.actual).toMatch(/^26\d, 44\d, 39\d$/);
    expect(failureOf(silent)).toMatchObject({ messageKey: 'lessonCheck.silentBuzzer', params: { pin: 8 } });
    expect(stacked.passed).toBe(true);
    expect(repeated.passed).toBe(true);
  }, CHECK_TEST_TIMEOUT_MS);

  it('servo sweep: half a sweep, one way only and a jump fail; a count loop and a changing variable pass smoothly', async () => {
    const fence = '```behaviour 4 s\nexpect D6 servo sweeps 0° to 180° ± 10° smoothly\n```';
    const half = w.workspaceOf(w.whileTrue(w.chain(w.servo(6, 0), w.waitMs(500), w.servo(6, 90), w.waitMs(500))));
    const oneWay = w.workspaceOf(w.chain(w.servo(6, 0), w.waitMs(500), w.servo(6, 180)));
    const jump = w.workspaceOf(w.whileTrue(w.chain(w.servo(6, 0), w.waitMs(500), w.servo(6, 180), w.waitMs(500))));
    const counted = withVariable(
      w.workspaceOf(
        w.whileTrue(
          w.chain(
            countFrom('a', 0, 180, 15, w.chain(servoTo(variable('a')), w.waitMs(60))),
            countFrom('a', 180, 0, 15, w.chain(servoTo(variable('a')), w.waitMs(60))),
          ),
        ),
      ),
      'a',
    );
    // Up with "change angle by 20" in a while loop, then straight back in steps from a list of blocks.
    const changed = withVariable(
      w.workspaceOf(
        w.chain(
          { type: 'variables_set', fields: { VAR: { id: 'a' } }, inputs: { VALUE: { block: { type: 'math_number', fields: { NUM: 0 } } } } },
          {
            type: 'controls_whileUntil',
            fields: { MODE: 'WHILE' },
            inputs: {
              BOOL: { block: w.lessThan(variable('a'), 181) },
              DO: {
                block: w.chain(servoTo(variable('a')), w.waitMs(80), {
                  type: 'math_change',
                  fields: { VAR: { id: 'a' } },
                  inputs: { DELTA: { shadow: { type: 'math_number', fields: { NUM: 20 } } } },
                }),
              },
            },
          },
          w.servo(6, 120),
          w.waitMs(200),
          w.servo(6, 60),
          w.waitMs(200),
          w.servo(6, 0),
        ),
      ),
      'a',
    );
    const [halfResult, oneWayResult, jumpResult, countedResult, changedResult] = await Promise.all([
      check(fence, half),
      check(fence, oneWay),
      check(fence, jump),
      check(fence, counted),
      check(fence, changed),
    ]);
    expect(failureOf(halfResult)).toMatchObject({ messageKey: 'lessonCheck.servoNotReaching', params: { low: 0, high: 180 } });
    expect(Number(failureOf(halfResult).params.max)).toBeLessThanOrEqual(95);
    expect(failureOf(oneWayResult)).toMatchObject({ messageKey: 'lessonCheck.servoNotBack', params: { pin: 6 } });
    expect(failureOf(jumpResult)).toMatchObject({ messageKey: 'lessonCheck.servoJumps', params: { pin: 6 } });
    expect(countedResult.passed).toBe(true);
    expect(changedResult.passed).toBe(true);
    // Without "smoothly", the jump is a sweep too.
    expect((await check(fence.replace(' smoothly', ''), jump)).passed).toBe(true);
  }, CHECK_TEST_TIMEOUT_MS);

  it('changes on: a program that only prints fails; an LED on a button and a servo on the knob both pass', async () => {
    const fence = [
      '```behaviour 4 s',
      'press D2 at 1 s for 0.5 s',
      'set A0 to 20 % at 0.5 s',
      'set A0 to 80 % at 2 s',
      'expect changes on D13 D8 D6',
      '```',
    ].join('\n');
    const potentiometer = { type: 'chispa_potentiometer', fields: { CHANNEL: '0' } };
    const knobServo = w.workspaceOf(
      w.whileTrue(
        w.chain(
          servoTo({
            type: 'math_arithmetic',
            fields: { OP: 'MULTIPLY' },
            inputs: { A: { block: potentiometer }, B: { block: { type: 'math_number', fields: { NUM: 1.8 } } } },
          }),
          w.waitMs(50),
        ),
      ),
    );
    const [quiet, button, knob] = await Promise.all([
      check(fence, w.workspaceOf(w.whileTrue(w.chain(w.print('hola'), w.waitMs(500))))),
      check(fence, w.workspaceOf(w.whileTrue(w.ifElse(w.buttonPressed(2), w.led(13, true), w.led(13, false))))),
      check(fence, knobServo),
    ]);
    expect(failureOf(quiet)).toMatchObject({ messageKey: 'lessonCheck.nothingHappens', params: { pins: 'D13, D8, D6' } });
    expect(button.passed).toBe(true);
    expect(knob.passed).toBe(true);
  }, CHECK_TEST_TIMEOUT_MS);

  it('sounds when closer: a buzzer that never stops fails; beeping when close passes, with or without a light', async () => {
    const fence = [
      '```behaviour 3 s',
      'distance D7 100 cm at 0 s',
      'distance D7 10 cm at 1 s',
      'distance D7 100 cm at 2 s',
      'expect D8 sounds when D7 closer than 20 cm',
      '```',
    ].join('\n');
    const close = w.lessThan(w.distance(7), 20);
    const [always, beeps, withLight] = await Promise.all([
      check(fence, w.workspaceOf(w.whileTrue(w.tone(8, 880, 200)))),
      check(fence, w.workspaceOf(w.whileTrue(w.ifElse(close, w.tone(8, 880, 100), w.waitMs(50))))),
      check(
        fence,
        w.workspaceOf(
          w.whileTrue(w.ifElse(close, w.chain(w.led(13, true), w.tone(8, 660, 200)), w.chain(w.led(13, false), w.noTone(8)))),
        ),
      ),
    ]);
    expect(failureOf(always)).toMatchObject({ messageKey: 'lessonCheck.soundsWhenFar', params: { pin: 8, cm: 20 } });
    expect(beeps.passed).toBe(true);
    expect(withLight.passed).toBe(true);
  }, CHECK_TEST_TIMEOUT_MS);
});
