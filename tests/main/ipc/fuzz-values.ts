/**
 * Inputs for the IPC fuzz test: a plausible sample of any call's arguments (built from its zod
 * schema, so it reaches the handler), every position inside it, and the hostile values put there.
 */
import type { z } from 'zod';

/** Small seeded PRNG (mulberry32): the same run every time. */
export const seededRandom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const deeplyNested = (levels: number): unknown => {
  let value: unknown = 'fondo';
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

const deepArray = (levels: number): unknown => {
  let value: unknown = [];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

/** Own keys that have tripped merges and lookups elsewhere: set as own properties, as JSON.parse does. */
export const pollutingObjects = (): Record<string, unknown>[] => [
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  JSON.parse('{"prototype":{"polluted":true},"toString":"x","hasOwnProperty":1,"valueOf":null}'),
];

/** Values no caller should send: wrong types, boundaries, huge, deep, hostile strings. */
export const hostileValues = (): unknown[] => [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  -1,
  0.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  10n,
  '',
  ' ',
  '\u0000',
  '\u0000\u0001\u001b[2J',
  '\uD800',
  '\u202Eevil',
  'x'.repeat(1_000_000),
  '../../../../etc/passwd',
  '/dev/../etc/shadow',
  'C:\\Windows\\win.ini',
  '2024-02-30',
  '9999-12-31',
  '-1',
  '1e308',
  'NaN',
  '<img src=x onerror=alert(1)>',
  "'); DROP TABLE people; --",
  '__proto__',
  'constructor',
  [],
  [null],
  Array.from({ length: 10_000 }, (_, i) => i),
  {},
  Object.create(null),
  new Map([['a', 1]]),
  new Uint8Array(16),
  new Date(Number.NaN),
  deeplyNested(2_000),
  deepArray(5_000),
  ...pollutingObjects(),
];

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

const stringCandidates = [
  '2026-11-26',
  '2026-11',
  '15:00',
  '2468',
  '6f1c1f7e-0a4b-4e7c-9a43-6d0b2f3a9c11',
  'blink',
  'https://127.0.0.1:9/',
  'centro-sur',
  'es',
  'Ana',
  'a',
];

const passes = (schema: unknown, value: unknown) => (schema as z.ZodType).safeParse(value).success;

/** A plausible value of a schema: valid where the schema is simple enough to guess one. */
export const sampleOf = (schema: unknown, depth = 0): unknown => {
  if (depth > 12) return undefined;
  const def = defOf(schema);
  const inner = (key: string) => sampleOf(def[key], depth + 1);
  switch (def.type) {
    case 'string':
      return stringCandidates.find((candidate) => passes(schema, candidate)) ?? 'a';
    case 'number':
      return [0, 1, 5, 2015, 100].find((candidate) => passes(schema, candidate)) ?? 0;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [key, sampleOf(field, depth + 1)]),
      );
    }
    case 'array': {
      const element = sampleOf(def.element, depth + 1);
      return passes(schema, []) ? [] : [element];
    }
    case 'tuple':
      return (def.items as unknown[]).map((item) => sampleOf(item, depth + 1));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'lazy':
      return sampleOf((def.getter as () => unknown)(), depth + 1);
    case 'union': {
      const options = (def.options as unknown[]).map((option) => sampleOf(option, depth + 1));
      return options.find((option) => passes(schema, option)) ?? options[0];
    }
    default:
      return {};
  }
};

export type Path = (string | number)[];

/** Every place inside a sample a value can go: the root, each field, the first element of each array. */
export const positionsOf = (value: unknown, path: Path = []): Path[] => {
  const here: Path[] = [path];
  if (Array.isArray(value)) return value.length ? [...here, ...positionsOf(value[0], [...path, 0])] : here;
  if (value && typeof value === 'object')
    for (const [key, field] of Object.entries(value)) here.push(...positionsOf(field, [...path, key]));
  return here;
};

/** The sample with `replacement` at `path` (the sample itself is not changed). */
export const withValueAt = (sample: unknown, path: Path, replacement: unknown): unknown => {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(sample) ? [...sample] : { ...(sample as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = withValueAt(copy[head], rest, replacement);
  return copy;
};

/** A short, never-throwing description of arguments for a failure message. */
export const describeArgs = (args: unknown): string => {
  try {
    return (
      JSON.stringify(args, (_key, value) => (typeof value === 'bigint' ? `${value}n` : value)) ?? 'undefined'
    ).slice(0, 120);
  } catch {
    return String(args).slice(0, 120);
  }
};
