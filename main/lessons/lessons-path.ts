/**
 * Where the shipped lessons live: next to the sources in development and tests, in the
 * resources folder of a packaged app (electron-builder copies lessons/ there).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const defaultShippedLessonsDir = (): string => {
  const candidates: string[] = [];
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, 'lessons'));
  try {
    // Source layout: main/lessons/ → repository root. (Undefined in a CommonJS bundle.)
    candidates.push(fileURLToPath(new URL('../../lessons', import.meta.url)));
  } catch {
    // not an ES module here
  }
  candidates.push(join(process.cwd(), 'lessons'));
  return candidates.find((path) => existsSync(path)) ?? candidates[candidates.length - 1];
};
