/**
 * The curriculum rules `npm run lessons:check` enforces, one test per rule: es and en agree on
 * steps, checks, blocks and help keys; every scenario choice has feedback; every lesson has staff
 * notes; help keys exist in a country file; children's lessons read at a 9–12-year-old's level.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewCurriculumLesson } from '../../../common/lessons/curriculum-rules';
import type { Lesson } from '../../../common/lessons/lesson-types';
import { parseLesson } from '../../../common/lessons/parse-lesson';

const fixtureDir = join(import.meta.dirname, 'fixtures', 'full');
const knownBlockTypes = new Set(['chispa_led_set', 'chispa_wait_seconds', 'controls_repeat_ext', 'math_number', 'logic_boolean']);
const fixture = (): Record<string, string> =>
  Object.fromEntries(readdirSync(fixtureDir).map((name) => [name, readFileSync(join(fixtureDir, name), 'utf8')]));

const edit = (files: Record<string, string>, file: string, from: string, to: string) => {
  if (!files[file].includes(from)) throw new Error(`fixture ${file} has no ${from}`);
  return { ...files, [file]: files[file].replace(from, to) };
};

/** The fixture with a ```help fence in the question step of both files. */
const withHelp = (esKeys: string, enKeys: string) => {
  let files = edit(fixture(), 'es.md', '```choice correct', `\`\`\`help\n${esKeys}\n\`\`\`\n\n\`\`\`choice correct`);
  files = edit(files, 'en.md', '```choice correct', `\`\`\`help\n${enKeys}\n\`\`\`\n\n\`\`\`choice correct`);
  return files;
};

const problemKeys = (files: Record<string, string>): string[] => {
  const result = parseLesson(files, { knownBlockTypes });
  return result.ok ? [] : result.problems.map((p) => `${p.file} ${p.messageKey}${'what' in p.params ? ` ${p.params.what}` : ''}`);
};

const parsed = (files: Record<string, string>): Lesson => {
  const result = parseLesson(files, { knownBlockTypes });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.lesson;
};

describe('es and en must agree', () => {
  it('on the steps', () => {
    const files = fixture();
    files['en.md'] = files['en.md'].slice(0, files['en.md'].indexOf('## Question'));
    expect(problemKeys(files)).toContain('en.md lessonFormat.stepCountDiffers');
  });
  it('on the checks', () => {
    const files = edit(fixture(), 'es.md', 'uses chispa_led_set at least 2', 'uses chispa_led_set at least 3');
    const en = files['en.md'].replace('```staff\nStaff-only note.', '```check\nuses chispa_led_set at least 2\n```\n\n```staff\nStaff-only note.');
    expect(problemKeys({ ...files, 'en.md': en })).toContain('en.md lessonFormat.differsFromEs check');
  });
  it('on the blocks', () => {
    expect(problemKeys(edit(fixture(), 'en.md', 'chispa_led_set, chispa_wait_seconds', 'chispa_led_set'))).toContain(
      'en.md lessonFormat.differsFromEs blocks',
    );
  });
  it('on the help-resource keys, which both files must list', () => {
    expect(problemKeys(withHelp('child-helpline emergency', 'child-helpline emergency'))).toEqual([]);
    expect(parsed(withHelp('child-helpline emergency', 'child-helpline emergency')).steps[1].helpKeys).toEqual([
      'child-helpline',
      'emergency',
    ]);
    expect(problemKeys(withHelp('child-helpline emergency', 'child-helpline'))).toContain('en.md lessonFormat.differsFromEs help');
    const enWithout = edit(withHelp('child-helpline', 'child-helpline'), 'en.md', '```help\nchild-helpline\n```', '');
    expect(problemKeys(enWithout)).toContain('en.md lessonFormat.differsFromEs help');
    expect(problemKeys(withHelp('Child_Helpline', 'Child_Helpline'))).toContain('es.md lessonFormat.badHelpKey');
  });
});

describe('scenario choices', () => {
  it('each need feedback (an explanation) in both languages', () => {
    const files = edit(fixture(), 'en.md', 'I give it to them.\nNo: your password is only yours.', 'I give it to them.');
    expect(problemKeys(files)).toEqual(['en.md lessonFormat.choiceNeedsFeedback']);
  });
});

describe('curriculum review', () => {
  const helpKeys = new Set(['child-helpline']);

  it('passes the fixture with staff notes and known help keys', () => {
    const lesson = parsed(withHelp('child-helpline', 'child-helpline'));
    expect(reviewCurriculumLesson(lesson, helpKeys).problems).toEqual([]);
  });

  it('fails a lesson without staff notes, per language', () => {
    const noEnNotes = edit(fixture(), 'en.md', '```staff\nStaff-only note.\n```', '');
    expect(reviewCurriculumLesson(parsed(noEnNotes), helpKeys).problems.map((p) => `${p.file} ${p.messageKey}`)).toEqual([
      'en.md lessonFormat.noStaffNotes',
    ]);
  });

  it('fails a help key that no country file defines', () => {
    const lesson = parsed(withHelp('child-helpline emergency', 'child-helpline emergency'));
    const problems = reviewCurriculumLesson(lesson, helpKeys).problems;
    expect(problems.map((p) => [p.messageKey, p.params.key])).toEqual([['lessonFormat.unknownHelpKey', 'emergency']]);
  });

  it('fails a children\'s lesson whose Spanish is too hard, not an adults\' one', () => {
    const hard =
      'La implementación institucional de mecanismos interinstitucionales de corresponsabilidad requiere una caracterización pormenorizada de las vulnerabilidades socioeconómicas contemporáneas.';
    const files = edit(fixture(), 'es.md', 'Resumen de la lección.', `${hard} ${hard} ${hard} ${hard} ${hard}`);
    const lesson = parsed(files);
    const review = reviewCurriculumLesson(lesson, helpKeys);
    expect(review.readability.fernandezHuerta).toBeLessThan(70);
    expect(review.problems.map((p) => p.messageKey)).toEqual(['lessonFormat.tooHardToRead']);
    const adults = reviewCurriculumLesson({ ...lesson, audience: ['teachers'] }, helpKeys);
    expect(adults.problems).toEqual([]);
  });
});
