/**
 * An image a lesson's text shows, read for the lesson panel. Served only when the lesson's text
 * references it (the parser checked the name: PNG, JPEG or SVG inside the lesson folder), when it
 * is a plain file whose real path lies inside the lesson folder (no symlink out), and after the
 * same check a pack import does (PNG/JPEG signature, SVG sanitised again): a file changed on disk
 * after the import is checked like a new one. The type comes from what was checked, never from
 * the file.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { AppError } from '../../common/ipc/app-error';
import { isLessonImagePath } from '../../common/lessons/parse-lesson-file';
import { checkPackFile, type PackFileKind } from './pack/check-pack-file';
import { packLimits } from './pack/pack-refusal';

export interface LessonImage {
  contentType: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  base64: string;
}

const contentTypes: Partial<Record<PackFileKind, LessonImage['contentType']>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
};

const notServed = (file: string) => new AppError('not-found', { details: [`lesson image ${file}`] });

export const readLessonImage = async (
  lesson: { id: string; images: readonly string[] },
  lessonDir: string,
  file: string,
): Promise<LessonImage> => {
  if (!isLessonImagePath(file) || !lesson.images.includes(file)) throw notServed(file);
  const folder = await realpath(lessonDir);
  const path = join(folder, ...file.split('/'));
  let bytes: Buffer;
  try {
    const stat = await lstat(path);
    if (!stat.isFile() || stat.size > packLimits.fileBytes) throw notServed(file);
    if ((await realpath(path)) !== path || !path.startsWith(folder + sep)) throw notServed(file);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notServed(file);
  }
  let checked: { kind: PackFileKind; bytes: Buffer };
  try {
    checked = checkPackFile(file, bytes);
  } catch {
    throw notServed(file);
  }
  const contentType = contentTypes[checked.kind];
  if (!contentType) throw notServed(file);
  return { contentType, base64: checked.bytes.toString('base64') };
};
