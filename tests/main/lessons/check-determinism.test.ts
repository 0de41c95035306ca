/**
 * Simulated time makes a behaviour check deterministic: the same check on the same program
 * gives the same answer (down to the timeline) 20 runs in a row while another process keeps a
 * CPU busy. A program that never awaits is ended and told so.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkStep } from '../../../main/lessons/check/check-step';
import { behaviourLesson } from './behaviour-lesson';
import * as w from './lesson-workspaces';

/** Behaviour checks run real firmware in worker threads: generous on a loaded machine. */
const CHECK_TEST_TIMEOUT_MS = 600_000;

describe('behaviour check determinism', () => {
  it('gives the same answer 20 runs in a row while another process loads the CPU', async () => {
    const burner = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    try {
      const lesson = behaviourLesson(
        '```behaviour 2 s\npress D2 at 0.5 s for 0.5 s\nexpect D13 blinks every 1 s ± 15 % from 0.2 s\n```',
      );
      // Blinks at 2 Hz, faster while the button is held: fails, with a timeline full of edges.
      const workspace = w.workspaceOf(
        w.whileTrue(
          w.chain(
            w.led(13, true),
            w.ifElse(w.buttonPressed(2), w.waitMs(100), w.waitMs(250)),
            w.led(13, false),
            w.waitMs(250),
          ),
        ),
      );
      const answers: string[] = [];
      for (let run = 0; run < 20; run++) {
        const result = await checkStep({ lesson, stepIndex: 0, workspace });
        if (result.passed) throw new Error('expected a failure');
        answers.push(JSON.stringify({ failure: result.failure, simulatedMs: result.simulatedMs }));
      }
      expect(JSON.parse(answers[0]).failure.messageKey).toBe('lessonCheck.blinksTooFast');
      expect(new Set(answers).size).toBe(1);
    } finally {
      burner.kill();
    }
  }, CHECK_TEST_TIMEOUT_MS);

  it('ends a program that loops without ever waiting, and says so', async () => {
    const lesson = behaviourLesson('```behaviour 2 s\nexpect D13 blinks every 1 s ± 15 %\n```');
    const busy = w.workspaceOf(
      w.chain(
        w.led(13, true),
        w.whileTrue({
          type: 'variables_set',
          fields: { VAR: { id: 'v1' } },
          inputs: { VALUE: { block: { type: 'math_number', fields: { NUM: 1 } } } },
        }),
      ),
    );
    const result = await checkStep({
      lesson,
      stepIndex: 0,
      workspace: { ...busy, variables: [{ name: 'contador', id: 'v1' }] },
    });
    expect(result.passed).toBe(false);
    expect(!result.passed && result.failure.messageKey).toBe('lessonCheck.stuck');
  }, CHECK_TEST_TIMEOUT_MS);
});
