/**
 * The check language inside ```check and ```behaviour fences, one line per check: short
 * English phrases an instructor can read and edit (see docs/lessons.md). Each parser returns
 * the check or an error message key; the caller adds file and line.
 */
import type { BehaviourCheck, Expectation, Stimulus, WorkspaceCheck } from './lesson-types';

export type LineResult<T> = { ok: true; value: T } | { ok: false; messageKey: string; params: Record<string, string | number> };

const num = String.raw`(\d+(?:[.,]\d+)?)`;
const pin = String.raw`D(\d{1,2})`;
const analog = String.raw`A([0-5])`;
const seconds = String.raw`${num}\s*s`;
const toNumber = (text: string): number => Number(text.replace(',', '.'));
const ms = (text: string): number => Math.round(toNumber(text) * 1000);
const re = (source: string) => new RegExp(`^${source}$`, 'i');

const bad = (text: string): LineResult<never> => ({ ok: false, messageKey: 'lessonFormat.badCheck', params: { text } });

const workspaceForms: Array<[RegExp, (m: RegExpMatchArray, line: number) => WorkspaceCheck]> = [
  [
    re(String.raw`uses\s+(\w+)\s+at\s+least\s+(\d+)`),
    (m, line) => ({ kind: 'uses', line, block: m[1], atLeast: Number(m[2]), atMost: null }),
  ],
  [
    re(String.raw`uses\s+(\w+)\s+at\s+most\s+(\d+)`),
    (m, line) => ({ kind: 'uses', line, block: m[1], atLeast: 0, atMost: Number(m[2]) }),
  ],
  [re(String.raw`uses\s+(\w+)`), (m, line) => ({ kind: 'uses', line, block: m[1], atLeast: 1, atMost: null })],
  [
    re(String.raw`field\s+(\w+)\s+(\w+)\s*=\s*(.+)`),
    (m, line) => ({ kind: 'field', line, block: m[1], field: m[2], value: m[3].trim() }),
  ],
  [re(String.raw`no\s+loose\s+blocks`), (_m, line) => ({ kind: 'no-loose-blocks', line })],
  [re(String.raw`variable\s+(\S+)`), (m, line) => ({ kind: 'variable-named', line, name: m[1] })],
  [re(String.raw`at\s+most\s+(\d+)\s+blocks`), (m, line) => ({ kind: 'max-blocks', line, max: Number(m[1]) })],
  [re(String.raw`at\s+least\s+(\d+)\s+blocks`), (m, line) => ({ kind: 'min-blocks', line, min: Number(m[1]) })],
  [
    re(String.raw`uses\s+one\s+of\s+(\w+(?:\s+\w+)+)`),
    (m, line) => ({ kind: 'uses-one-of', line, blocks: m[1].split(/\s+/) }),
  ],
];

export const parseWorkspaceCheck = (text: string, line: number): LineResult<WorkspaceCheck> => {
  for (const [pattern, build] of workspaceForms) {
    const match = text.match(pattern);
    if (match) return { ok: true, value: build(match, line) };
  }
  return bad(text);
};

const stimulusForms: Array<[RegExp, (m: RegExpMatchArray, line: number) => Stimulus]> = [
  [
    re(String.raw`press\s+${pin}\s+at\s+${seconds}\s+for\s+${seconds}`),
    (m, line) => ({ kind: 'press', line, pin: Number(m[1]), atMs: ms(m[2]), forMs: ms(m[3]) }),
  ],
  [
    re(String.raw`set\s+${analog}\s+to\s+${num}\s*%\s+at\s+${seconds}`),
    (m, line) => ({ kind: 'analog', line, channel: Number(m[1]), percent: toNumber(m[2]), atMs: ms(m[3]) }),
  ],
  [
    re(String.raw`cover\s+${analog}\s+at\s+${seconds}`),
    (m, line) => ({ kind: 'analog', line, channel: Number(m[1]), percent: COVERED_PERCENT, atMs: ms(m[2]) }),
  ],
  [
    re(String.raw`light\s+${analog}\s+at\s+${seconds}`),
    (m, line) => ({ kind: 'analog', line, channel: Number(m[1]), percent: LIT_PERCENT, atMs: ms(m[2]) }),
  ],
  [
    re(String.raw`distance\s+${pin}\s+${num}\s*cm\s+at\s+${seconds}`),
    (m, line) => ({ kind: 'distance', line, pin: Number(m[1]), cm: toNumber(m[2]), atMs: ms(m[3]) }),
  ],
];

/** A covered light sensor reads about 5 % of full scale; in daylight about 80 %. */
export const COVERED_PERCENT = 5;
export const LIT_PERCENT = 80;

/** "D12 D11 D10" → [12, 11, 10]. */
const pinList = (text: string): number[] => text.trim().split(/\s+/).map((name) => Number(name.slice(1)));

const window = String.raw`(?:\s+from\s+${seconds})?(?:\s+to\s+${seconds})?`;

const expectationForms: Array<[RegExp, (m: RegExpMatchArray, line: number) => Expectation]> = [
  [
    re(String.raw`expect\s+${pin}\s+blinks\s+every\s+${seconds}\s*(?:±|\+-)\s*${num}\s*%${window}`),
    (m, line) => ({
      kind: 'blinks',
      line,
      pin: Number(m[1]),
      periodMs: ms(m[2]),
      tolerance: toNumber(m[3]) / 100,
      fromMs: m[4] ? ms(m[4]) : 0,
      toMs: m[5] ? ms(m[5]) : Number.POSITIVE_INFINITY,
    }),
  ],
  [
    re(String.raw`expect\s+${pin}\s+duty\s+${num}\s*%\s+to\s+${num}\s*%${window}`),
    (m, line) => ({
      kind: 'duty',
      line,
      pin: Number(m[1]),
      min: toNumber(m[2]) / 100,
      max: toNumber(m[3]) / 100,
      fromMs: m[4] ? ms(m[4]) : 0,
      toMs: m[5] ? ms(m[5]) : Number.POSITIVE_INFINITY,
    }),
  ],
  [
    re(String.raw`expect\s+${pin}\s+servo\s+${num}\s*°?\s*(?:±|\+-)\s*${num}\s*°?\s+by\s+${seconds}`),
    (m, line) => ({
      kind: 'servo',
      line,
      pin: Number(m[1]),
      angle: toNumber(m[2]),
      toleranceDeg: toNumber(m[3]),
      byMs: ms(m[4]),
    }),
  ],
  [
    re(String.raw`expect\s+${pin}\s+tone\s+${num}\s*Hz\s*(?:±|\+-)\s*${num}\s*%\s+while\s+${pin}`),
    (m, line) => ({
      kind: 'tone-while',
      line,
      pin: Number(m[1]),
      hz: toNumber(m[2]),
      tolerance: toNumber(m[3]) / 100,
      whilePin: Number(m[4]),
    }),
  ],
  [
    re(String.raw`expect\s+${pin}\s+follows\s+${pin}`),
    (m, line) => ({ kind: 'follows', line, pin: Number(m[1]), source: Number(m[2]) }),
  ],
  [
    re(String.raw`expect\s+${pin}\s+on\s+when\s+${pin}\s+closer\s+than\s+${num}\s*cm`),
    (m, line) => ({ kind: 'on-when-closer', line, pin: Number(m[1]), sensorPin: Number(m[2]), belowCm: toNumber(m[3]) }),
  ],
  [re(String.raw`expect\s+print\s+"(.*)"`), (m, line) => ({ kind: 'prints', line, text: m[1] })],
  [
    re(String.raw`expect\s+lights\s+((?:D\d{1,2}\s+){2,})in\s+order${window}`),
    (m, line) => ({
      kind: 'in-order',
      line,
      pins: pinList(m[1]),
      fromMs: m[2] ? ms(m[2]) : 0,
      toMs: m[3] ? ms(m[3]) : Number.POSITIVE_INFINITY,
    }),
  ],
  [
    re(String.raw`expect\s+${pin}\s+plays\s+((?:\d+\s+){2,})Hz\s+in\s+order\s*(?:±|\+-)\s*${num}\s*%`),
    (m, line) => ({
      kind: 'notes',
      line,
      pin: Number(m[1]),
      hz: m[2].trim().split(/\s+/).map(Number),
      tolerance: toNumber(m[3]) / 100,
    }),
  ],
  [
    re(
      String.raw`expect\s+${pin}\s+servo\s+sweeps\s+${num}\s*°?\s+to\s+${num}\s*°?\s*(?:±|\+-)\s*${num}\s*°?(\s+smoothly)?`,
    ),
    (m, line) => ({
      kind: 'servo-sweep',
      line,
      pin: Number(m[1]),
      low: Math.min(toNumber(m[2]), toNumber(m[3])),
      high: Math.max(toNumber(m[2]), toNumber(m[3])),
      toleranceDeg: toNumber(m[4]),
      smoothly: m[5] !== undefined,
    }),
  ],
  [
    re(String.raw`expect\s+changes\s+on\s+((?:D\d{1,2}\s*)+)`),
    (m, line) => ({ kind: 'changes', line, pins: pinList(m[1]) }),
  ],
  [
    re(String.raw`expect\s+${pin}\s+sounds\s+when\s+${pin}\s+closer\s+than\s+${num}\s*cm`),
    (m, line) => ({
      kind: 'sounds-when-closer',
      line,
      pin: Number(m[1]),
      sensorPin: Number(m[2]),
      belowCm: toNumber(m[3]),
    }),
  ],
];

const pinsOf = (item: Stimulus | Expectation): number[] => {
  switch (item.kind) {
    case 'analog':
    case 'prints':
      return [];
    case 'tone-while':
      return [item.pin, item.whilePin];
    case 'follows':
      return [item.pin, item.source];
    case 'on-when-closer':
    case 'sounds-when-closer':
      return [item.pin, item.sensorPin];
    case 'in-order':
    case 'changes':
      return item.pins;
    default:
      return [item.pin];
  }
};

/** A ```behaviour fence: `durationMs` from its info line, stimuli and expectations from its lines. */
export const parseBehaviourLine = (
  text: string,
  line: number,
  into: BehaviourCheck,
): LineResult<null> => {
  for (const [pattern, build] of [...stimulusForms, ...expectationForms] as Array<
    [RegExp, (m: RegExpMatchArray, line: number) => Stimulus | Expectation]
  >) {
    const match = text.match(pattern);
    if (!match) continue;
    const item = build(match, line);
    const badPin = pinsOf(item).find((p) => p < 2 || p > 13);
    if (badPin !== undefined)
      return { ok: false, messageKey: 'lessonFormat.badPin', params: { pin: badPin } };
    if (item.kind === 'press' || item.kind === 'analog' || item.kind === 'distance') into.stimuli.push(item);
    else into.expectations.push(item);
    return { ok: true, value: null };
  }
  return bad(text);
};

/** `behaviour 10 s` → 10000; null when the info line is not that. At most 60 s. */
export const parseBehaviourDuration = (info: string): number | null => {
  const match = info.match(re(String.raw`behaviour\s+${seconds}`));
  if (!match) return null;
  const duration = ms(match[1]);
  return duration > 0 && duration <= 60_000 ? duration : null;
};
