/**
 * Reads one lesson folder (es.md, en.md and its .json workspaces) and parses it. For shipped
 * lessons; imported packs are validated first and then given to parseLesson directly.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { knownBlockTypes } from '../../blocks/headless-workspace';
import { parseLesson } from '../../common/lessons/parse-lesson';
import type { LessonParseResult } from '../../common/lessons/lesson-types';

export const readLessonFiles = async (dir: string): Promise<Record<string, string>> => {
  const files: Record<string, string> = {};
  for (const name of await readdir(dir)) {
    if (/^(es|en)\.md$/.test(name) || /^[\w.-]+\.json$/.test(name)) files[name] = await readFile(join(dir, name), 'utf8');
  }
  return files;
};

export const loadLessonFolder = async (dir: string): Promise<LessonParseResult> =>
  parseLesson(await readLessonFiles(dir), { knownBlockTypes: knownBlockTypes() });

/** Folders of lessons/ that hold a lesson (guides/ and other content without es.md are skipped). */
export const lessonFolders = async (root: string): Promise<string[]> => {
  const entries = await readdir(root, { withFileTypes: true });
  const folders: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const names = await readdir(join(root, entry.name));
    if (names.includes('es.md')) folders.push(entry.name);
  }
  return folders.sort();
};
