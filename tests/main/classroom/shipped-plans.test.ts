import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../common/plans/lesson-plan';
import { lessonFolders } from '../../../main/lessons/load-lesson-folder';

const lessonsDir = new URL('../../../lessons/', import.meta.url).pathname;

/**
 * Every shipped plan (lessons/plans/*.json) parses, its file is named after its id, and every
 * lesson it names is a shipped lesson folder. Fails while a lesson of the curriculum is missing.
 */
describe('shipped lesson plans', () => {
  it('name only lessons that ship with Chispa', async () => {
    const known = new Set(await lessonFolders(lessonsDir));
    const files = readdirSync(join(lessonsDir, 'plans')).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const parsed = parsePlan(readFileSync(join(lessonsDir, 'plans', file), 'utf8'), {
        knownLessons: known,
      });
      expect({ file, problems: parsed.ok ? [] : parsed.problems }).toEqual({ file, problems: [] });
      if (parsed.ok) expect(`${parsed.plan.id}.json`).toBe(file);
    }
  });
});
