import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../common/ipc/app-error';
import { lessonIdSchema } from '../../../common/ipc/lesson-work-schema';

/**
 * Removes an imported lesson's folder from <data>/lessons: renamed aside first (a hidden name the
 * library skips), so the lesson disappears whole even if the removal is cut short. Shipped lessons
 * live elsewhere and children's work in <data>/lesson-work: neither is touched here.
 */
export const deleteImportedLesson = (importedDir: string, id: string): void => {
  const target = join(importedDir, lessonIdSchema.parse(id));
  if (!existsSync(target)) throw new AppError('not-found', { details: [`imported lesson ${id}`] });
  const aside = join(importedDir, `.deleting-${id}-${process.pid}-${Date.now()}`);
  renameSync(target, aside);
  rmSync(aside, { recursive: true, force: true });
};
