/**
 * The check forms for sequences and open projects: lights in order, notes in order, a servo
 * sweep, "changes on" any of several pins, the buzzer sounding when something is close, and the
 * workspace forms "uses one of" and "at least N blocks". Parsed into a golden, and every bad
 * form refused with its line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../common/lessons/parse-lesson';

const goldenPath = join(import.meta.dirname, 'golden', 'sequence-checks.json');
const knownBlockTypes = new Set(['chispa_led_set', 'chispa_button_pressed', 'chispa_light_level', 'chispa_tone']);

/** en.md carries only its title and the step (it may leave out the language-neutral parts). */
const english = ['---', 'id: sequence-test', 'title: Test', '---', '## Step'].join('\n');

const lessonWith = (check: string, behaviour: string) => {
  const markdown = (title: string) =>
    [
      '---',
      'id: sequence-test',
      `title: ${title}`,
      'audience: children-8-10',
      'level: 1',
      'duration: 10',
      'activity: robotics-class',
      '---',
      '## Step',
      '```solution',
      'solution.json',
      '```',
      '```check',
      check,
      '```',
      '```behaviour 8 s',
      behaviour,
      '```',
    ].join('\n');
  return parseLesson(
    { 'es.md': markdown('Prueba'), 'en.md': english, 'solution.json': '{}' },
    { knownBlockTypes },
  );
};

const problemsOf = (result: ReturnType<typeof lessonWith>): string[] =>
  result.ok
    ? []
    : result.problems.map(
        (p) => `${p.file}:${p.line} ${p.messageKey} ${Object.values(p.params).join(' ')}`.trim(),
      );

const goodChecks = [
  'uses one of chispa_button_pressed chispa_light_level',
  'at least 5 blocks',
].join('\n');
const goodBehaviour = [
  'distance D7 10 cm at 1 s',
  'expect lights D12 D10 D11 in order',
  'expect lights D12 D11 in order from 1 s to 6 s',
  'expect D8 plays 262 392 440 392 Hz in order ± 5 %',
  'expect D6 servo sweeps 180° to 0° ± 10°',
  'expect D6 servo sweeps 0 to 180 +- 5 smoothly',
  'expect changes on D13 D12 D9 D8 D6',
  'expect D8 sounds when D7 closer than 20 cm',
].join('\n');

describe('sequence and open-project check forms', () => {
  it('parses every new form into the golden checks', () => {
    const result = lessonWith(goodChecks, goodBehaviour);
    expect(problemsOf(result)).toEqual([]);
    if (!result.ok) return;
    const actual = `${JSON.stringify(result.lesson.steps[0].checks, null, 2)}\n`;
    if (process.env.CHISPA_UPDATE_GOLDENS === '1') writeFileSync(goldenPath, actual);
    expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
    const behaviour = result.lesson.steps[0].checks[2];
    if (behaviour.kind !== 'behaviour') throw new Error('expected a behaviour check');
    // The window defaults to the whole run; a sweep written high to low is the same sweep.
    expect(behaviour.expectations[0]).toMatchObject({ kind: 'in-order', pins: [12, 10, 11], fromMs: 0, toMs: 8000 });
    expect(behaviour.expectations[3]).toMatchObject({ kind: 'servo-sweep', low: 0, high: 180, smoothly: false });
    expect(behaviour.expectations[4]).toMatchObject({ toleranceDeg: 5, smoothly: true });
  });

  const bad: Array<[string, string, string, string[]]> = [
    ['one light is no order', '', 'expect lights D12 in order', ['es.md:18 lessonFormat.badCheck expect lights D12 in order']],
    ['one note is no melody', '', 'expect D8 plays 440 Hz in order ± 5 %', ['es.md:18 lessonFormat.badCheck expect D8 plays 440 Hz in order ± 5 %']],
    ['a light on a pin the kit cannot use', '', 'expect lights D12 D1 in order', ['es.md:18 lessonFormat.badPin 1']],
    ['a changing pin the kit cannot use', '', 'expect changes on D13 D0', ['es.md:18 lessonFormat.badPin 0']],
    ['a sweep without a tolerance', '', 'expect D6 servo sweeps 0° to 180°', ['es.md:18 lessonFormat.badCheck expect D6 servo sweeps 0° to 180°']],
    ['an unknown block in "uses one of"', 'uses one of chispa_button_pressed led_onn', 'expect changes on D13', ['es.md:9 lessonFormat.unknownBlock led_onn']],
    ['"uses one of" with a single block', 'uses one of chispa_tone', 'expect changes on D13', ['es.md:14 lessonFormat.badCheck uses one of chispa_tone']],
    ['"at least" without blocks', 'at least 5', 'expect changes on D13', ['es.md:14 lessonFormat.badCheck at least 5']],
  ];
  it.each(bad)('refuses %s', (_name, check, behaviour, expected) => {
    // A good expectation first (line 17), so the fence is never empty: the bad line is line 18.
    expect(problemsOf(lessonWith(check || 'at least 1 blocks', `expect changes on D13\n${behaviour}`))).toEqual(expected);
  });
});
