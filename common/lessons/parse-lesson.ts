/**
 * The one lesson parser: the files of a lesson folder (contents, not paths) → a Lesson, or every
 * problem found, each with its file and line. es.md carries everything; en.md carries the English
 * texts and may repeat the language-neutral parts (front matter values, toolbox, start, solution,
 * checks), which must then match es.md. Pure: no DOM, no Node.
 */
import { activityTypeSchema, type ActivityType } from '../ipc/attendance-schemas';
import type { Locale } from '../i18n/locale';
import { UNO_KIT_DIGITAL_PINS } from '../board/uno-pins';
import {
  lessonAudiences,
  type Lesson,
  type LessonAudience,
  type LessonPart,
  type LessonParseResult,
  type LessonProblem,
  type LessonStep,
  type StepStart,
  type StepText,
} from './lesson-types';
import { parseLessonFile, type FileStep, type LessonFile } from './parse-lesson-file';

export interface ParseLessonOptions {
  /** Block types the editor knows (kit blocks + Blockly's built-ins). */
  knownBlockTypes: ReadonlySet<string>;
  /** Image files in the lesson's folder (paths relative to it); when given, every image shown must be one. */
  imageFiles?: ReadonlySet<string>;
}

const frontMatterKeys = ['id', 'title', 'audience', 'level', 'duration', 'activity', 'parts', 'prerequisites'];
const neutralKeys = frontMatterKeys.filter((key) => key !== 'title');
const ledColors = ['red', 'green', 'yellow', 'blue', 'white'];

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** `led 13 red`, `button 2`, `potentiometer A0`, `light A1`, `servo 6`, `buzzer 8`, `distance 7`. */
export const parsePart = (text: string): LessonPart | null => {
  const [kind, where, color] = text.split(/\s+/);
  const pin = /^\d{1,2}$/.test(where ?? '') ? Number(where) : -1;
  const channel = /^A[0-5]$/i.test(where ?? '') ? Number(where.slice(1)) : -1;
  const digital = UNO_KIT_DIGITAL_PINS.includes(pin);
  switch (kind) {
    case 'led':
    case 'button': {
      const shade = color ?? 'red';
      if (!digital || !ledColors.includes(shade)) return null;
      return { kind, id: `${kind}-${pin}`, pin, color: shade };
    }
    case 'potentiometer':
    case 'light':
      return channel >= 0 && color === undefined ? { kind, id: `${kind}-a${channel}`, channel } : null;
    case 'servo':
    case 'buzzer':
      return digital && color === undefined ? { kind, id: `${kind}-${pin}`, pin } : null;
    case 'distance':
      return digital && color === undefined ? { kind, id: `distance-${pin}`, pin, initialCm: 100 } : null;
    default:
      return null;
  }
};

/** Every `"type": "…"` of a Blockly workspace JSON (blocks, shadows, nested inputs). */
export const workspaceBlockTypes = (workspace: unknown): string[] => {
  const types: string[] = [];
  const visit = (node: unknown, key: string | null): void => {
    if (Array.isArray(node)) node.forEach((item) => visit(item, key));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if ((key === 'block' || key === 'shadow' || key === 'blocks') && typeof record.type === 'string')
        types.push(record.type);
      for (const [childKey, child] of Object.entries(record)) {
        if (childKey === 'fields' || childKey === 'extraState') continue;
        visit(child, childKey);
      }
    }
  };
  visit(workspace, null);
  return types;
};

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const parseLesson = (files: Record<string, string>, options: ParseLessonOptions): LessonParseResult => {
  const problems: LessonProblem[] = [];
  const problem = (file: string, line: number, messageKey: string, params: Record<string, string | number> = {}) =>
    problems.push({ file, line, messageKey, params });
  const parsed: Partial<Record<Locale, LessonFile>> = {};
  for (const locale of ['es', 'en'] as const) {
    const file = `${locale}.md`;
    if (files[file] === undefined) problem(file, 0, 'lessonFormat.missingFile', { file });
    else parsed[locale] = parseLessonFile(file, files[file], problems);
  }
  const es = parsed.es;
  const en = parsed.en;
  if (!es || !en) return { ok: false, problems: sortProblems(problems) };

  // Front matter: every key known; the neutral ones from es.md, repeated in en.md only identically.
  for (const [locale, file] of [
    ['es', es],
    ['en', en],
  ] as const) {
    for (const [key, entry] of file.frontMatter) {
      if (!frontMatterKeys.includes(key)) problem(`${locale}.md`, entry.line, 'lessonFormat.unknownKey', { key });
      else if (locale === 'en' && neutralKeys.includes(key)) {
        const esEntry = es.frontMatter.get(key);
        if (esEntry && esEntry.value !== entry.value)
          problem('en.md', entry.line, 'lessonFormat.differsFromEs', { what: key });
      }
    }
  }
  const value = (key: string): { value: string; line: number } | null => {
    const entry = es.frontMatter.get(key);
    if (!entry && key !== 'prerequisites' && key !== 'parts') problem('es.md', 1, 'lessonFormat.missingKey', { key });
    return entry ?? null;
  };
  for (const locale of ['en'] as const) {
    if (!parsed[locale]!.frontMatter.get('title')) problem(`${locale}.md`, 1, 'lessonFormat.missingKey', { key: 'title' });
  }
  value('title');
  const id = value('id');
  if (id && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id.value))
    problem('es.md', id.line, 'lessonFormat.badValue', { key: 'id', value: id.value });
  const audience: LessonAudience[] = [];
  const audienceEntry = value('audience');
  for (const item of audienceEntry ? list(audienceEntry.value) : []) {
    if ((lessonAudiences as readonly string[]).includes(item)) audience.push(item as LessonAudience);
    else problem('es.md', audienceEntry!.line, 'lessonFormat.badValue', { key: 'audience', value: item });
  }
  if (audienceEntry && audience.length === 0 && list(audienceEntry.value).length === 0)
    problem('es.md', audienceEntry.line, 'lessonFormat.badValue', { key: 'audience', value: '' });
  const numberOf = (key: string, max: number): number => {
    const entry = value(key);
    if (!entry) return 0;
    const number = Number(entry.value.replace(/\s*min$/, ''));
    if (!Number.isInteger(number) || number < 1 || number > max) {
      problem('es.md', entry.line, 'lessonFormat.badValue', { key, value: entry.value });
      return 0;
    }
    return number;
  };
  const level = numberOf('level', 5);
  const durationMin = numberOf('duration', 240);
  const activityEntry = value('activity');
  const activity = activityTypeSchema.safeParse(activityEntry?.value);
  if (activityEntry && !activity.success)
    problem('es.md', activityEntry.line, 'lessonFormat.badValue', { key: 'activity', value: activityEntry.value });
  const parts: LessonPart[] = [];
  const partsEntry = value('parts');
  for (const item of partsEntry ? list(partsEntry.value) : []) {
    const part = parsePart(item);
    if (part) parts.push(part);
    else problem('es.md', partsEntry!.line, 'lessonFormat.badPart', { value: item });
  }
  const prerequisites = list(value('prerequisites')?.value ?? '');

  // Steps: same count; texts per language, neutral fences from es.md.
  if (es.steps.length !== en.steps.length && es.steps.length > 0 && en.steps.length > 0)
    problem('en.md', en.steps[0].line, 'lessonFormat.stepCountDiffers', { es: es.steps.length, en: en.steps.length });

  const readJson = (name: string, from: { file: string; line: number }): unknown => {
    const text = files[name];
    if (text === undefined) {
      problem(from.file, from.line, 'lessonFormat.missingWorkspace', { file: name });
      return null;
    }
    let workspace: unknown;
    try {
      workspace = JSON.parse(text);
    } catch {
      problem(name, 0, 'lessonFormat.badJson', { file: name });
      return null;
    }
    for (const type of workspaceBlockTypes(workspace)) {
      if (!options.knownBlockTypes.has(type)) problem(name, 0, 'lessonFormat.unknownBlock', { block: type });
    }
    return workspace;
  };

  const steps: LessonStep[] = es.steps.map((esStep, index) => {
    const enStep = en.steps[index];
    if (enStep) compareNeutral(esStep, enStep, problem);
    const kind = esStep.question !== null || esStep.choices.length > 0 ? 'scenario' : 'build';
    for (const type of [
      ...(esStep.blocks?.types ?? []),
      ...(esStep.checks?.checks ?? []).flatMap((c) => ('block' in c ? [c.block] : 'blocks' in c ? c.blocks : [])),
    ]) {
      if (!options.knownBlockTypes.has(type))
        problem('es.md', esStep.blocks?.line ?? esStep.line, 'lessonFormat.unknownBlock', { block: type });
    }
    let start: StepStart = { kind: 'empty' };
    if (esStep.start?.value === 'continue') {
      if (index === 0) problem('es.md', esStep.start.line, 'lessonFormat.continueOnFirstStep');
      start = { kind: 'continue' };
    } else if (esStep.start && esStep.start.value !== 'empty') {
      start = {
        kind: 'workspace',
        file: esStep.start.value,
        workspace: readJson(esStep.start.value, { file: 'es.md', line: esStep.start.line }),
      };
    }
    const checks = esStep.checks?.checks ?? [];
    const solution = esStep.solution
      ? {
          file: esStep.solution.file,
          workspace: readJson(esStep.solution.file, { file: 'es.md', line: esStep.solution.line }),
        }
      : null;
    if (kind === 'build' && checks.length > 0 && !solution) problem('es.md', esStep.line, 'lessonFormat.noSolution');
    if (kind === 'scenario') {
      for (const [locale, step] of [
        ['es', esStep],
        ['en', enStep],
      ] as const) {
        if (!step) continue;
        if (step.question === null || step.choices.length < 2)
          problem(`${locale}.md`, step.line, 'lessonFormat.scenarioNeedsChoices');
        else if (!step.choices.some((choice) => choice.correct))
          problem(`${locale}.md`, step.line, 'lessonFormat.scenarioNeedsCorrect');
      }
      if (enStep && enStep.choices.map((c) => c.correct).join() !== esStep.choices.map((c) => c.correct).join())
        problem('en.md', enStep.line, 'lessonFormat.differsFromEs', { what: 'choice' });
    }
    // Every choice, right or wrong, tells the child why (the feedback a screen reader reads out).
    for (const [locale, step] of [
      ['es', esStep],
      ['en', enStep],
    ] as const) {
      for (const [n, choice] of (step?.choices ?? []).entries()) {
        if (choice.explanation === '')
          problem(`${locale}.md`, step!.line, 'lessonFormat.choiceNeedsFeedback', { choice: n + 1 });
      }
    }
    // Help keys are part of the step's text in both languages: both files list the same ones.
    if (enStep && (esStep.help?.keys ?? []).join() !== (enStep.help?.keys ?? []).join())
      problem('en.md', enStep.help?.line ?? enStep.line, 'lessonFormat.differsFromEs', { what: 'help' });
    const textOf = (step: FileStep | undefined): StepText => ({
      title: step?.title ?? '',
      body: step?.body ?? '',
      hints: step?.hints ?? [],
      staffNotes: step?.staffNotes ?? null,
      scenario: step && kind === 'scenario' ? { question: step.question ?? '', choices: step.choices } : null,
      line: step?.line ?? 0,
    });
    return {
      kind,
      allowedBlocks: esStep.blocks ? esStep.blocks.types : null,
      start,
      solution,
      checks,
      helpKeys: esStep.help?.keys ?? [],
      text: { es: textOf(esStep), en: textOf(enStep) },
    };
  });

  const images = new Set<string>();
  for (const locale of ['es', 'en'] as const) {
    for (const image of parsed[locale]!.images) {
      if (options.imageFiles && !options.imageFiles.has(image.file))
        problem(`${locale}.md`, image.line, 'lessonFormat.imageMissing', { file: image.file });
      images.add(image.file);
    }
  }

  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const lesson: Lesson = {
    id: id!.value,
    audience,
    level,
    durationMin,
    activityType: activity.data as ActivityType,
    parts,
    prerequisites,
    text: {
      es: { title: es.frontMatter.get('title')!.value, summary: es.summary },
      en: { title: en.frontMatter.get('title')!.value, summary: en.summary },
    },
    steps,
    images: [...images].sort(),
  };
  return { ok: true, lesson };
};

/** en.md may leave the neutral fences out; when it has one, it must say what es.md says. */
function compareNeutral(
  es: FileStep,
  en: FileStep,
  problem: (file: string, line: number, key: string, params?: Record<string, string | number>) => void,
): void {
  const pairs: Array<[string, { line: number } | null, unknown, unknown]> = [
    ['blocks', en.blocks, es.blocks?.types, en.blocks?.types],
    ['start', en.start, es.start?.value, en.start?.value],
    ['solution', en.solution, es.solution?.file, en.solution?.file],
    [
      'check',
      en.checks,
      es.checks?.checks.map(withoutLines),
      en.checks?.checks.map(withoutLines),
    ],
  ];
  for (const [what, enFence, esValue, enValue] of pairs) {
    if (enFence && !sameJson(esValue, enValue)) problem('en.md', enFence.line, 'lessonFormat.differsFromEs', { what });
  }
}

const withoutLines = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'line' ? undefined : inner)));

const fileOrder = (file: string) => (file === 'es.md' ? 0 : file === 'en.md' ? 1 : 2);

/** es.md first, then en.md, then workspace files; by line within a file (stable otherwise). */
const sortProblems = (problems: LessonProblem[]): LessonProblem[] =>
  [...problems].sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || a.file.localeCompare(b.file) || a.line - b.line);
