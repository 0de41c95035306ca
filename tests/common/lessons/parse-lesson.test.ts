import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../common/i18n/translate';
import { parseLesson } from '../../../common/lessons/parse-lesson';

const fixtureDir = join(import.meta.dirname, 'fixtures', 'full');
const goldenPath = join(import.meta.dirname, 'golden', 'full-example.json');
const knownBlockTypes = new Set([
  'chispa_led_set',
  'chispa_wait_seconds',
  'controls_repeat_ext',
  'math_number',
  'logic_boolean',
]);

const fixture = (): Record<string, string> =>
  Object.fromEntries(readdirSync(fixtureDir).map((name) => [name, readFileSync(join(fixtureDir, name), 'utf8')]));

/** Problems as an instructor reads them, in both languages' keys: "es.md:42 lessonFormat.unknownBlock block=led_onn". */
const problemsOf = (files: Record<string, string>): string[] => {
  const result = parseLesson(files, { knownBlockTypes });
  if (result.ok) return [];
  return result.problems.map(
    (p) =>
      `${p.file}:${p.line} ${p.messageKey}${Object.entries(p.params)
        .map(([key, value]) => ` ${key}=${value}`)
        .join('')}`,
  );
};

const edit = (file: string, from: string, to: string) => {
  const files = fixture();
  if (!files[file].includes(from)) throw new Error(`fixture ${file} has no ${from}`);
  files[file] = files[file].replace(from, to);
  return files;
};

describe('lesson parser', () => {
  it('parses the full example into the golden lesson', () => {
    const result = parseLesson(fixture(), { knownBlockTypes });
    expect(result.ok ? [] : result.problems).toEqual([]);
    const actual = `${JSON.stringify(result.ok && result.lesson, null, 2)}\n`;
    if (process.env.CHISPA_UPDATE_GOLDENS === '1') writeFileSync(goldenPath, actual);
    expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
  });

  it('reads every check and stimulus form with its line', () => {
    const result = parseLesson(fixture(), { knownBlockTypes });
    if (!result.ok) throw new Error('fixture must parse');
    const [build, scenario] = result.lesson.steps;
    expect(build.checks.map((c) => `${c.line} ${c.kind}`)).toEqual([
      '39 uses',
      '40 uses',
      '41 uses',
      '42 field',
      '43 no-loose-blocks',
      '44 variable-named',
      '45 max-blocks',
      '48 behaviour',
    ]);
    const behaviour = build.checks[7];
    if (behaviour.kind !== 'behaviour') throw new Error('expected a behaviour check');
    expect(behaviour.durationMs).toBe(10_000);
    expect(behaviour.stimuli.map((s) => s.kind)).toEqual(['press', 'analog', 'analog', 'analog', 'distance']);
    expect(behaviour.stimuli[0]).toMatchObject({ pin: 2, atMs: 1000, forMs: 500 });
    expect(behaviour.expectations.map((e) => e.kind)).toEqual([
      'blinks',
      'duty',
      'servo',
      'tone-while',
      'follows',
      'on-when-closer',
      'prints',
    ]);
    expect(behaviour.expectations[1]).toMatchObject({ fromMs: 0, toMs: 10_000 });
    expect(scenario.kind).toBe('scenario');
    expect(scenario.start).toEqual({ kind: 'continue' });
    expect(scenario.text.en.scenario?.choices.map((c) => c.correct)).toEqual([false, true]);
    expect(build.text.es.staffNotes).toBe('Nota solo para el personal.');
  });

  it('parses every shipped lesson folder layout the same way (no problems)', () => {
    const lessonsDir = join(import.meta.dirname, '..', '..', '..', 'lessons');
    for (const id of ['blink', 'button-led', 'first-blocks']) {
      const dir = join(lessonsDir, id);
      const files = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
      const known = new Set([...knownBlockTypes, 'chispa_button_pressed', 'controls_if', 'controls_whileUntil']);
      const result = parseLesson(files, { knownBlockTypes: known });
      expect(result.ok ? [] : result.problems, id).toEqual([]);
    }
  });

  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['an image without a description', edit('es.md', 'Texto del paso.', 'Texto del paso. ![](led.png)'), [
      'es.md:16 lessonFormat.imageNoAlt file=led.png',
    ]],
    ['an image outside the lesson folder', edit('es.md', 'Texto del paso.', 'Mira: ![LED](../otra/led.png)'), [
      'es.md:16 lessonFormat.imageBadPath file=../otra/led.png',
    ]],
    ['an image that is not PNG, JPEG or SVG', edit('es.md', 'Texto del paso.', '![Un LED](https://x.org/led.gif)'), [
      'es.md:16 lessonFormat.imageBadPath file=https://x.org/led.gif',
    ]],
    [
      'an unknown block type in the toolbox',
      edit('es.md', 'chispa_led_set, chispa_wait_seconds', 'led_onn, chispa_wait_seconds'),
      ['es.md:26 lessonFormat.unknownBlock block=led_onn', 'en.md:21 lessonFormat.differsFromEs what=blocks'],
    ],
    [
      'an unknown block type inside a workspace file',
      { ...fixture(), 'start.json': fixture()['start.json'].replace('chispa_led_set', 'led_onn') },
      ['start.json:0 lessonFormat.unknownBlock block=led_onn'],
    ],
    ['a check nobody understands', edit('es.md', 'no loose blocks', 'no bloques sueltos'), [
      'es.md:43 lessonFormat.badCheck text=no bloques sueltos',
    ]],
    ['an unknown expectation', edit('es.md', 'expect D13 follows D2', 'expect D13 dances'), [
      'es.md:58 lessonFormat.badCheck text=expect D13 dances',
    ]],
    ['a pin the kit cannot use', edit('es.md', 'press D2 at 1 s', 'press D1 at 1 s'), ['es.md:49 lessonFormat.badPin pin=1']],
    ['a behaviour without a duration', edit('es.md', '```behaviour 10 s', '```behaviour'), [
      'es.md:48 lessonFormat.badBehaviourDuration text=behaviour',
    ]],
    ['an unknown fence', edit('es.md', '```staff', '```notas'), ['es.md:63 lessonFormat.unknownFence fence=notas']],
    ['a fence never closed', { ...fixture(), 'es.md': `${fixture()['es.md']}\n\`\`\`hint\nno end\n` }, [
      'es.md:87 lessonFormat.unclosedFence',
    ]],
    ['HTML in the text', edit('es.md', 'Texto del paso.', 'Texto <script>alert(1)</script>'), [
      'es.md:16 lessonFormat.htmlNotAllowed',
    ]],
    ['a bad audience', edit('es.md', 'audience: children-11-14, teachers', 'audience: kids'), [
      'es.md:4 lessonFormat.badValue key=audience value=kids',
    ]],
    ['an activity the attendance log does not know', edit('es.md', 'activity: robotics-class', 'activity: party'), [
      'es.md:7 lessonFormat.badValue key=activity value=party',
    ]],
    ['a part that does not exist', edit('es.md', 'servo 6', 'laser 6'), ['es.md:8 lessonFormat.badPart value=laser 6']],
    ['an unknown front matter key', edit('es.md', 'level: 3\n', 'level: 3\ncolour: blue\n'), [
      'es.md:6 lessonFormat.unknownKey key=colour',
    ]],
    ['a missing key', edit('es.md', 'level: 3\n', ''), ['es.md:1 lessonFormat.missingKey key=level']],
    ['a neutral value that differs in en.md', edit('en.md', 'level: 3', 'level: 2'), [
      'en.md:4 lessonFormat.differsFromEs what=level',
    ]],
    ['a toolbox that differs in en.md', edit('en.md', 'chispa_led_set, chispa_wait_seconds', 'chispa_led_set'), [
      'en.md:21 lessonFormat.differsFromEs what=blocks',
    ]],
    ['a missing workspace file', edit('es.md', 'solution.json', 'solucion.json'), [
      'es.md:34 lessonFormat.missingWorkspace file=solucion.json',
    ]],
    ['a workspace file that is not JSON', { ...fixture(), 'solution.json': '{ nope' }, [
      'solution.json:0 lessonFormat.badJson file=solution.json',
    ]],
    ['checks without a solution', edit('es.md', '```solution\nsolution.json\n```\n', ''), [
      'es.md:14 lessonFormat.noSolution',
    ]],
    ['a scenario with no correct choice', edit('es.md', '```choice correct', '```choice'), [
      'es.md:67 lessonFormat.scenarioNeedsCorrect',
      'en.md:29 lessonFormat.differsFromEs what=choice',
    ]],
    ['a different number of steps', edit('en.md', '## Question', 'Question'), [
      'en.md:9 lessonFormat.stepCountDiffers es=2 en=1',
    ]],
    ['a missing language file', (() => {
      const files = fixture();
      delete files['en.md'];
      return files;
    })(), ['en.md:0 lessonFormat.missingFile file=en.md']],
    ['no front matter', edit('es.md', '---\nid:', 'id:'), [
      'es.md:1 lessonFormat.noFrontMatter',
      'es.md:1 lessonFormat.missingKey key=title',
      'es.md:1 lessonFormat.missingKey key=id',
      'es.md:1 lessonFormat.missingKey key=audience',
      'es.md:1 lessonFormat.missingKey key=level',
      'es.md:1 lessonFormat.missingKey key=duration',
      'es.md:1 lessonFormat.missingKey key=activity',
    ]],
  ];

  it.each(cases)('reports %s with its file and line', (_name, files, expected) => {
    expect(problemsOf(files)).toEqual(expected);
  });

  it('lists the images the text shows; one missing from the folder is an error with its line', () => {
    const files = edit('es.md', 'Texto del paso.', 'Texto del paso.\n\n![Un LED rojo en el pin 13](img/led.png)');
    const shown = parseLesson(files, { knownBlockTypes, imageFiles: new Set(['img/led.png', 'otra.png']) });
    expect(shown.ok && shown.lesson.images).toEqual(['img/led.png']);
    expect(problemsOf(files)).toEqual([]);
    const missing = parseLesson(files, { knownBlockTypes, imageFiles: new Set(['otra.png']) });
    expect(missing.ok ? [] : missing.problems).toEqual([
      { file: 'es.md', line: 18, messageKey: 'lessonFormat.imageMissing', params: { file: 'img/led.png' } },
    ]);
    // In inline code it is text, not an image.
    const code = parseLesson(edit('es.md', 'Texto del paso.', 'Escribe `![](x.png)`.'), { knownBlockTypes });
    expect(code.ok && code.lesson.images).toEqual([]);
  });

  it('words a problem as "file:line: message" in Spanish and English', () => {
    const [problem] = (parseLesson(edit('es.md', 'chispa_led_set, chispa_wait_seconds', 'led_onn'), { knownBlockTypes }) as {
      ok: false;
      problems: Array<{ file: string; line: number; messageKey: string; params: Record<string, string> }>;
    }).problems;
    const say = (locale: 'es' | 'en') =>
      translate(locale, 'lessonFormat.problem', {
        file: problem.file,
        line: problem.line,
        message: translate(locale, problem.messageKey, problem.params),
      });
    expect(say('en')).toBe('es.md:26: Unknown block type `led_onn`.');
    expect(say('es')).toBe('es.md:26: No conozco el tipo de bloque `led_onn`.');
  });
});
