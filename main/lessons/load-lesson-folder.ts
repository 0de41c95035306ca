/**
 * Reads one lesson folder (es.md, en.md, its .json workspaces and the names of its images) and
 * parses it. For shipped
 * lessons; imported packs are validated first and then given to parseLesson directly.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { knownBlockTypes } from '../../blocks/headless-workspace';
import { parseLesson } from '../../common/lessons/parse-lesson';
import { isLessonImagePath } from '../../common/lessons/parse-lesson-file';
import type { LessonParseResult } from '../../common/lessons/lesson-types';

export const readLessonFiles = async (dir: string): Promise<Record<string, string>> => {
  const files: Record<string, string> = {};
  for (const name of await readdir(dir)) {
    if (/^(es|en)\.md$/.test(name) || /^[\w.-]+\.json$/.test(name)) files[name] = await readFile(join(dir, name), 'utf8');
  }
  return files;
};

/** Image files in a lesson folder and its subfolders, as paths relative to it ("img/led.png"). */
export const lessonImageFiles = async (dir: string): Promise<Set<string>> => {
  const names = (await readdir(dir, { recursive: true })).map((name) => name.split(sep).join('/'));
  return new Set(names.filter(isLessonImagePath));
};

export const loadLessonFolder = async (dir: string): Promise<LessonParseResult> =>
  parseLesson(await readLessonFiles(dir), {
    knownBlockTypes: knownBlockTypes(),
    imageFiles: await lessonImageFiles(dir),
  });

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
