/**
 * Every behaviour-check kind on the virtual Uno in simulated time: a deliberately wrong program
 * fails it with the right child message and a timeline, a correct program passes it, and so does
 * a correct program written differently.
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

const blinkEvery = (seconds: number) =>
  w.workspaceOf(w.repeat(50, w.chain(w.led(13, true), w.waitSeconds(seconds / 2), w.led(13, false), w.waitSeconds(seconds / 2))));

/** Behaviour checks run real firmware in worker threads: generous on a loaded machine. */
const CHECK_TEST_TIMEOUT_MS = 600_000;

describe('behaviour checks on the virtual Uno', () => {
  it('blinks: 2 Hz fails "1 Hz ± 15 %", a repeat and a while loop at 1 Hz pass', async () => {
    const fence = '```behaviour 4 s\nexpect D13 blinks every 1 s ± 15 % from 0.5 s to 4 s\n```';
    const whileLoop = w.workspaceOf(
      w.whileTrue(w.chain(w.led(13, true), w.waitMs(500), w.led(13, false), w.waitMs(500))),
    );
    const [tooFast, repeat, whileResult] = await Promise.all([
      check(fence, blinkEvery(0.5)),
      check(fence, blinkEvery(1)),
      check(fence, whileLoop),
    ]);
    const failure = failureOf(tooFast);
    expect(failure.messageKey).toBe('lessonCheck.blinksTooFast');
    expect(failure.params).toMatchObject({ pin: 13, expectedSeconds: 1, actualSeconds: 0.5 });
    expect(failure.timeline?.tracks.map((t) => `${t.pin} ${t.role}`)).toEqual(['D13 expected', 'D13 actual']);
    expect(failure.timeline?.tracks[1].segments.length).toBeGreaterThan(10);
    expect(tooFast.virtualUno).toBe(true);
    expect(repeat).toMatchObject({ passed: true, virtualUno: true });
    expect(whileResult.passed).toBe(true);
  }, CHECK_TEST_TIMEOUT_MS);

  it('follows: an LED that ignores the button fails "LED follows D2"; if/else passes either way round', async () => {
    const fence = '```behaviour 4 s\npress D2 at 1 s for 1 s\npress D2 at 2.5 s for 0.5 s\nexpect D13 follows D2\n```';
    const ignores = w.workspaceOf(w.whileTrue(w.chain(w.led(13, false), w.waitMs(100))));
    const follows = w.workspaceOf(w.whileTrue(w.ifElse(w.buttonPressed(2), w.led(13, true), w.led(13, false))));
    const inverted = w.workspaceOf(
      w.whileTrue(
        w.ifElse({ type: 'logic_negate', inputs: { BOOL: { block: w.buttonPressed(2) } } }, w.led(13, false), w.led(13, true)),
      ),
    );
    const [ignored, followed, invertedResult] = await Promise.all([
      check(fence, ignores),
      check(fence, follows),
      check(fence, inverted),
    ]);
    const failure = failureOf(ignored);
    expect(failure.messageKey).toBe('lessonCheck.offWhilePressed');
    expect(failure.params).toEqual({ pin: 13, button: 2 });
    expect(failure.timeline?.tracks.map((t) => `${t.pin} ${t.role}`)).toEqual(['D2 stimulus', 'D13 expected', 'D13 actual']);
    expect(followed.passed).toBe(true);
    expect(invertedResult.passed).toBe(true);
  }, CHECK_TEST_TIMEOUT_MS);

  it('duty: 20 % brightness fails "40 % to 60 %", 50 % passes, also set again and again in a loop', async () => {
    const fence = '```behaviour 2 s\nexpect D9 duty 40 % to 60 % from 0.5 s\n```';
    const [dim, half, looped] = await Promise.all([
      check(fence, w.workspaceOf(w.brightness(9, 20))),
      check(fence, w.workspaceOf(w.chain(w.brightness(9, 50), w.waitSeconds(5)))),
      check(fence, w.workspaceOf(w.whileTrue(w.chain(w.brightness(9, 55), w.waitMs(200))))),
    ]);
    expect(failureOf(dim)).toMatchObject({ messageKey: 'lessonCheck.tooDim', params: { actualPercent: 20 } });
    expect(half.passed).toBe(true);
    expect(looped.passed).toBe(true);
  }, CHECK_TEST_TIMEOUT_MS);

  it('servo: 45° fails "90° ± 10° by 1 s", 90° passes, also reached in steps', async () => {
    const fence = '```behaviour 2 s\nexpect D6 servo 90° ± 10° by 1 s\n```';
    const steps = w.workspaceOf(w.chain(w.servo(6, 30), w.waitMs(300), w.servo(6, 60), w.waitMs(300), w.servo(6, 90)));
    const [wrong, right, stepped] = await Promise.all([
      check(fence, w.workspaceOf(w.servo(6, 45))),
      check(fence, w.workspaceOf(w.servo(6, 90))),
      check(fence, steps),
    ]);
    expect(failureOf(wrong)).toMatchObject({ messageKey: 'lessonCheck.servoWrongAngle', params: { expected: 90 } });
    expect(Math.abs(Number(failureOf(wrong).params.actual) - 45)).toBeLessThanOrEqual(3);
    expect(right.passed).toBe(true);
    expect(stepped.passed).toBe(true);
  }, CHECK_TEST_TIMEOUT_MS);

  it('tone while held: a buzzer that never stops fails, tone chunks while pressed pass', async () => {
    const fence = '```behaviour 3 s\npress D2 at 1 s for 1 s\nexpect D8 tone 440 Hz ± 5 % while D2\n```';
    const always = w.workspaceOf(w.whileTrue(w.tone(8, 440, 200)));
    const held = w.workspaceOf(w.whileTrue(w.ifElse(w.buttonPressed(2), w.tone(8, 440, 100), w.noTone(8))));
    const wrongPitch = w.workspaceOf(w.whileTrue(w.ifElse(w.buttonPressed(2), w.tone(8, 262, 100), w.noTone(8))));
    const [noisy, good, low] = await Promise.all([check(fence, always), check(fence, held), check(fence, wrongPitch)]);
    expect(failureOf(noisy)).toMatchObject({ messageKey: 'lessonCheck.soundsWhenReleased', params: { pin: 8, button: 2 } });
    expect(good.passed).toBe(true);
    expect(failureOf(low).messageKey).toBe('lessonCheck.wrongTone');
  }, CHECK_TEST_TIMEOUT_MS);

  it('on when closer: an LED always on fails, comparing the distance passes', async () => {
    const fence = [
      '```behaviour 3 s',
      'distance D7 100 cm at 0 s',
      'distance D7 10 cm at 1 s',
      'distance D7 100 cm at 2 s',
      'expect D13 on when D7 closer than 20 cm',
      '```',
    ].join('\n');
    const compare = w.workspaceOf(w.whileTrue(w.ifElse(w.lessThan(w.distance(7), 20), w.led(13, true), w.led(13, false))));
    const [always, right] = await Promise.all([check(fence, w.workspaceOf(w.led(13, true))), check(fence, compare)]);
    expect(failureOf(always)).toMatchObject({ messageKey: 'lessonCheck.onWhenFar', params: { pin: 13, cm: 20 } });
    expect(right.passed).toBe(true);
  }, CHECK_TEST_TIMEOUT_MS);

  it('prints: the wrong words fail, the right line passes', async () => {
    const fence = '```behaviour 1 s\nexpect print "Hola"\n```';
    const [wrong, right] = await Promise.all([
      check(fence, w.workspaceOf(w.print('Chao'))),
      check(fence, w.workspaceOf(w.chain(w.print('Empiezo'), w.print('Hola')))),
    ]);
    expect(failureOf(wrong)).toMatchObject({ messageKey: 'lessonCheck.didNotPrint', params: { text: 'Hola' } });
    expect(right.passed).toBe(true);
  }, CHECK_TEST_TIMEOUT_MS);
});
