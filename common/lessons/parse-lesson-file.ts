/**
 * One language file of a lesson (es.md or en.md): front matter between `---` lines, a summary,
 * then one `##` section per step with fenced blocks for hints, the toolbox, the starting
 * workspace, the solution, checks, staff notes and scenario choices. Pure: text in, data and
 * problems (with their line) out; parse-lesson.ts merges the two languages.
 */
import type { BehaviourCheck, LessonProblem, ScenarioChoice, StepCheck } from './lesson-types';
import { parseBehaviourDuration, parseBehaviourLine, parseWorkspaceCheck } from './parse-checks';

export interface FileStep {
  line: number;
  title: string;
  body: string;
  hints: string[];
  staffNotes: string | null;
  question: string | null;
  choices: ScenarioChoice[];
  /** Language-neutral fences, null when this file does not have them. */
  blocks: { line: number; types: string[] } | null;
  start: { line: number; value: string } | null;
  solution: { line: number; file: string } | null;
  checks: { line: number; checks: StepCheck[] } | null;
  /** Help-resource keys of a ```help fence (the centre's country file gives the entries). */
  help: { line: number; keys: string[] } | null;
}

export interface LessonFile {
  frontMatter: Map<string, { value: string; line: number }>;
  summary: string;
  steps: FileStep[];
  /** Images the text shows (`![alt](file.png)`), with their line. */
  images: Array<{ file: string; line: number }>;
}

const fenceKinds = ['hint', 'blocks', 'start', 'solution', 'check', 'behaviour', 'staff', 'question', 'choice', 'help'];

/** A help-resource key: lower case words joined by dashes (`child-helpline`). */
export const helpKeyPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Raw HTML is not allowed in lesson text (packs come from USB sticks): `<tag`, `</tag`, `<!--`. */
const htmlPattern = /<\s*[a-zA-Z!/?]/;

export const parseLessonFile = (file: string, text: string, problems: LessonProblem[]): LessonFile => {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const problem = (line: number, messageKey: string, params: Record<string, string | number> = {}) =>
    problems.push({ file, line, messageKey, params });
  const result: LessonFile = { frontMatter: new Map(), summary: '', steps: [], images: [] };

  let index = 0;
  if (lines[0]?.trim() !== '---') {
    problem(1, 'lessonFormat.noFrontMatter');
  } else {
    index = 1;
    for (; index < lines.length && lines[index].trim() !== '---'; index++) {
      const raw = lines[index];
      if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
      const match = raw.match(/^([a-z-]+)\s*:\s*(.*)$/);
      if (!match) problem(index + 1, 'lessonFormat.badFrontMatterLine', { text: raw.trim() });
      else result.frontMatter.set(match[1], { value: match[2].trim(), line: index + 1 });
    }
    if (index >= lines.length) problem(1, 'lessonFormat.unclosedFrontMatter');
    index++;
  }

  const summary: string[] = [];
  let step: FileStep | null = null;
  let body: string[] = [];
  const closeStep = () => {
    if (step) {
      step.body = body.join('\n').trim();
      result.steps.push(step);
    }
  };

  while (index < lines.length) {
    const raw = lines[index];
    const lineNo = index + 1;
    const heading = raw.match(/^##\s+(.+?)\s*$/);
    if (heading) {
      closeStep();
      body = [];
      step = {
        line: lineNo,
        title: heading[1],
        body: '',
        hints: [],
        staffNotes: null,
        question: null,
        choices: [],
        blocks: null,
        start: null,
        solution: null,
        checks: null,
        help: null,
      };
      index++;
      continue;
    }
    const fence = raw.match(/^```\s*(.*?)\s*$/);
    if (fence) {
      const info = fence[1];
      const content: Array<{ text: string; line: number }> = [];
      index++;
      while (index < lines.length && !/^```\s*$/.test(lines[index])) {
        content.push({ text: lines[index], line: index + 1 });
        index++;
      }
      if (index >= lines.length) {
        problem(lineNo, 'lessonFormat.unclosedFence');
        break;
      }
      index++;
      const kind = info.split(/\s+/)[0].toLowerCase();
      if (!fenceKinds.includes(kind)) {
        problem(lineNo, 'lessonFormat.unknownFence', { fence: info || '```' });
        continue;
      }
      if (!step) {
        problem(lineNo, 'lessonFormat.fenceOutsideStep', { fence: kind });
        continue;
      }
      readFence(step, kind, info, lineNo, content, problem);
      continue;
    }
    if (htmlPattern.test(raw)) problem(lineNo, 'lessonFormat.htmlNotAllowed');
    for (const image of imagesOf(raw)) {
      if (image.alt.trim() === '') problem(lineNo, 'lessonFormat.imageNoAlt', { file: image.file });
      else if (!isLessonImagePath(image.file)) problem(lineNo, 'lessonFormat.imageBadPath', { file: image.file });
      else result.images.push({ file: image.file, line: lineNo });
    }
    if (step) body.push(raw);
    else summary.push(raw);
    index++;
  }
  closeStep();
  result.summary = summary.join('\n').trim();
  if (result.steps.length === 0) problem(0, 'lessonFormat.noSteps');
  return result;
};

/** `![alt](file)` in a line of text (inline code left out). */
export const imagesOf = (line: string): Array<{ alt: string; file: string }> =>
  [...line.replace(/`+[^`]*`+/g, '').matchAll(/!\[([^\]]*)\]\(\s*([^)\s]*)\s*\)/g)].map((match) => ({
    alt: match[1],
    file: match[2],
  }));

/**
 * An image a lesson may show: a PNG, JPEG or SVG file inside the lesson's own folder, named
 * plainly (no scheme, no absolute path, no `..` or hidden segment, no backslash).
 */
export const isLessonImagePath = (file: string): boolean =>
  file.length <= 200 &&
  /\.(png|jpe?g|svg)$/i.test(file) &&
  file.split('/').every((segment) => /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(segment));

type Problem = (line: number, messageKey: string, params?: Record<string, string | number>) => void;

function readFence(
  step: FileStep,
  kind: string,
  info: string,
  line: number,
  content: Array<{ text: string; line: number }>,
  problem: Problem,
): void {
  const text = content
    .map((c) => c.text)
    .join('\n')
    .trim();
  const nonEmpty = content.filter((c) => c.text.trim() !== '' && !c.text.trim().startsWith('#'));
  if (['hint', 'staff', 'question', 'choice'].includes(kind)) {
    const htmlLine = content.find((c) => htmlPattern.test(c.text));
    if (htmlLine) problem(htmlLine.line, 'lessonFormat.htmlNotAllowed');
  }
  switch (kind) {
    case 'hint':
      step.hints.push(text);
      return;
    case 'staff':
      step.staffNotes = text;
      return;
    case 'question':
      step.question = text;
      return;
    case 'choice': {
      const [first = '', ...rest] = content.map((c) => c.text);
      step.choices.push({
        text: first.trim(),
        correct: /\bcorrect\b/i.test(info),
        explanation: rest.join('\n').trim(),
      });
      return;
    }
    case 'help': {
      const keys = text.split(/[\s,]+/).filter(Boolean);
      for (const key of keys) if (!helpKeyPattern.test(key)) problem(line, 'lessonFormat.badHelpKey', { key });
      if (keys.length === 0) problem(line, 'lessonFormat.badHelpKey', { key: '' });
      step.help = { line, keys: [...(step.help?.keys ?? []), ...keys] };
      return;
    }
    case 'blocks':
      step.blocks = { line, types: text.split(/[\s,]+/).filter(Boolean) };
      return;
    case 'start': {
      const value = text.trim();
      if (value === 'empty' || value === 'continue' || /^[\w.-]+\.json$/.test(value)) step.start = { line, value };
      else problem(line, 'lessonFormat.badStart', { value });
      return;
    }
    case 'solution':
      if (/^[\w.-]+\.json$/.test(text)) step.solution = { line, file: text };
      else problem(line, 'lessonFormat.badSolution', { value: text });
      return;
    case 'check': {
      const checks = step.checks ?? { line, checks: [] };
      for (const entry of nonEmpty) {
        const parsed = parseWorkspaceCheck(entry.text.trim(), entry.line);
        if (parsed.ok) checks.checks.push(parsed.value);
        else problem(entry.line, parsed.messageKey, parsed.params);
      }
      step.checks = checks;
      return;
    }
    case 'behaviour': {
      const durationMs = parseBehaviourDuration(info);
      if (durationMs === null) {
        problem(line, 'lessonFormat.badBehaviourDuration', { text: info });
        return;
      }
      const check: BehaviourCheck = { kind: 'behaviour', line, durationMs, stimuli: [], expectations: [] };
      for (const entry of nonEmpty) {
        const parsed = parseBehaviourLine(entry.text.trim(), entry.line, check);
        if (!parsed.ok) problem(entry.line, parsed.messageKey, parsed.params);
      }
      for (const expectation of check.expectations) {
        if ('toMs' in expectation) expectation.toMs = Math.min(expectation.toMs, durationMs);
      }
      if (check.expectations.length === 0) problem(line, 'lessonFormat.noExpectations');
      const checks = step.checks ?? { line, checks: [] };
      checks.checks.push(check);
      step.checks = checks;
      return;
    }
  }
}
