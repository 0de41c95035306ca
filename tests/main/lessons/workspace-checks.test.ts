/** Workspace checks through checkStep: each kind met and not met, in the child's words. */
import { describe, expect, it } from 'vitest';
import { knownBlockTypes } from '../../../blocks/headless-workspace';
import type { CheckResult, Lesson } from '../../../common/lessons/lesson-types';
import { parseLesson } from '../../../common/lessons/parse-lesson';
import { checkStep } from '../../../main/lessons/check/check-step';
import * as w from './lesson-workspaces';

const lessonChecking = (checks: string): Lesson => {
  const markdown = [
    '---',
    'id: workspace-test',
    'title: Prueba',
    'audience: children-8-10',
    'level: 1',
    'duration: 10',
    'activity: coding-class',
    '---',
    '## Step',
    '```solution',
    'solution.json',
    '```',
    '```check',
    checks,
    '```',
  ].join('\n');
  const result = parseLesson(
    { 'es.md': markdown, 'en.md': markdown, 'solution.json': JSON.stringify(w.workspaceOf(w.led(13, true))) },
    { knownBlockTypes: knownBlockTypes() },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.lesson;
};

const run = (checks: string, workspace: unknown, locale: 'es' | 'en' = 'es'): Promise<CheckResult> =>
  checkStep({ lesson: lessonChecking(checks), stepIndex: 0, workspace, locale });

const blinkOnce = w.workspaceOf(w.chain(w.led(13, true), w.waitSeconds(1), w.led(13, false)));

describe('workspace checks', () => {
  it('passes a program that meets every check, without starting the virtual Uno', async () => {
    const result = await run(
      'uses chispa_led_set at least 2\nuses chispa_wait_seconds at most 1\nfield chispa_led_set PIN = 13\nno loose blocks\nat most 4 blocks',
      blinkOnce,
    );
    expect(result).toMatchObject({ passed: true, virtualUno: false });
  });

  it('names the missing block in the child language', async () => {
    const es = await run('uses chispa_wait_seconds', w.workspaceOf(w.led(13, true)), 'es');
    const en = await run('uses chispa_wait_seconds', w.workspaceOf(w.led(13, true)), 'en');
    expect(es.passed || es.failure).toMatchObject({ messageKey: 'lessonCheck.uses.missing', params: { count: 1 } });
    const esName = !es.passed && String(es.failure.params.block);
    const enName = !en.passed && String(en.failure.params.block);
    expect(esName).not.toBe('chispa_wait_seconds');
    expect(esName).not.toBe(enName);
  });

  it('fails each kind with its message', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['uses chispa_led_set at most 1', blinkOnce, 'lessonCheck.uses.tooMany'],
      ['field chispa_led_set PIN = 9', blinkOnce, 'lessonCheck.field'],
      ['no loose blocks', w.workspaceOf(w.led(13, true), w.waitSeconds(1)), 'lessonCheck.looseBlocks'],
      ['no loose blocks', w.workspaceOf(w.led(13, true), w.buttonPressed(2)), 'lessonCheck.looseBlocks'],
      ['variable contador', blinkOnce, 'lessonCheck.variable'],
      ['at most 2 blocks', blinkOnce, 'lessonCheck.tooManyBlocks'],
    ];
    for (const [checks, workspace, key] of cases) {
      const result = await run(checks, workspace);
      expect(result.passed ? 'passed' : result.failure.messageKey, checks).toBe(key);
    }
  });

  it('finds a variable by its name and allows event stacks beside the main one', async () => {
    const withVariable = {
      ...w.workspaceOf(
        w.chain({ type: 'variables_set', fields: { VAR: { id: 'v1' } } }, w.led(13, true)),
        { type: 'chispa_when_button_pressed', fields: { PIN: '2' }, inputs: { DO: { block: w.led(13, false) } } },
      ),
      variables: [{ name: 'contador', id: 'v1' }],
    };
    expect((await run('variable contador\nno loose blocks', withVariable)).passed).toBe(true);
  });

  it('"uses one of" accepts any of its blocks and names them all when none is there; "at least N blocks" counts', async () => {
    const inputs = 'uses one of chispa_button_pressed chispa_when_button_pressed chispa_light_level';
    const withButton = w.workspaceOf(w.whileTrue(w.ifElse(w.buttonPressed(2), w.led(13, true), w.led(13, false))));
    const withEvent = w.workspaceOf({
      type: 'chispa_when_button_pressed',
      fields: { PIN: '2' },
      inputs: { DO: { block: w.led(13, true) } },
    });
    expect((await run(inputs, withButton)).passed).toBe(true);
    expect((await run(inputs, withEvent)).passed).toBe(true);
    const none = await run(inputs, blinkOnce, 'en');
    if (none.passed) throw new Error('a program without any of the blocks must fail');
    expect(none.failure.messageKey).toBe('lessonCheck.usesOneOf');
    expect(String(none.failure.params.blocks).split(' · ')).toHaveLength(3);
    expect(String(none.failure.params.blocks)).not.toContain('chispa_');
    const few = await run('at least 4 blocks', blinkOnce);
    expect(few.passed || few.failure).toMatchObject({ messageKey: 'lessonCheck.tooFewBlocks', params: { min: 4, count: 3 } });
    expect((await run('at least 3 blocks', blinkOnce)).passed).toBe(true);
  });
});
