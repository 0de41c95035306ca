import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kitBlockTypes } from '../../../blocks/kit-blocks';
import { codeFor } from './headless-blocks';

/**
 * Golden files: golden/<name>.json is a workspace, golden/<name>.code.txt the exact program body the
 * generator must produce for it. CHISPA_UPDATE_GOLDENS=1 rewrites the .code.txt files (then review
 * the diff before committing).
 */
const goldenDir = join(import.meta.dirname, 'golden');
const update = process.env.CHISPA_UPDATE_GOLDENS === '1';
const fixtures = readdirSync(goldenDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length))
  .sort();

const blockTypesIn = (node: unknown, found = new Set<string>()): Set<string> => {
  if (Array.isArray(node)) node.forEach((item) => blockTypesIn(item, found));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string') found.add(record.type);
    Object.values(record).forEach((value) => blockTypesIn(value, found));
  }
  return found;
};

describe('kit block generator goldens', () => {
  it('has a golden named after every kit block, which uses that block', () => {
    for (const type of kitBlockTypes) {
      const file = join(goldenDir, `${type}.json`);
      expect(existsSync(file), `missing golden for ${type}`).toBe(true);
      expect(blockTypesIn(JSON.parse(readFileSync(file, 'utf8'))).has(type)).toBe(true);
    }
  });

  for (const name of fixtures) {
    it(`generates golden/${name}.code.txt exactly`, () => {
      const code = codeFor(JSON.parse(readFileSync(join(goldenDir, `${name}.json`), 'utf8')));
      const expectedFile = join(goldenDir, `${name}.code.txt`);
      if (update) writeFileSync(expectedFile, code);
      expect(code).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
