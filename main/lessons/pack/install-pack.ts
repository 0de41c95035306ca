import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../app/atomic-write';
import type { ValidatedLesson } from './validate-pack';

/**
 * Writes validated lessons into <data>/lessons/<id>/: each lesson goes to a staging folder
 * first and is renamed into place whole, so a crash leaves the old lesson or the new one. An
 * earlier import of the same id is replaced; shipped lessons and children's work live elsewhere
 * and are never touched.
 */
export const installLessons = (importedDir: string, lessons: ValidatedLesson[]): Array<{ id: string; replaced: boolean }> => {
  mkdirSync(importedDir, { recursive: true });
  const results: Array<{ id: string; replaced: boolean }> = [];
  for (const { lesson, files } of lessons) {
    const stamp = `${process.pid}-${Date.now()}`;
    const staging = join(importedDir, `.incoming-${lesson.id}-${stamp}`);
    const target = join(importedDir, lesson.id);
    try {
      for (const [name, bytes] of files) {
        const file = join(staging, ...name.split('/'));
        mkdirSync(dirname(file), { recursive: true });
        writeFileAtomic(file, bytes);
      }
      const replaced = existsSync(target);
      const old = join(importedDir, `.old-${lesson.id}-${stamp}`);
      if (replaced) renameSync(target, old);
      renameSync(staging, target);
      if (replaced) rmSync(old, { recursive: true, force: true });
      results.push({ id: lesson.id, replaced });
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return results;
};
