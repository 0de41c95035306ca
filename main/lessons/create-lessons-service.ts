import { join } from 'node:path';
import { knownBlockTypes } from '../../blocks/headless-workspace';
import { parseLesson } from '../../common/lessons/parse-lesson';
import type { Logger } from '../app/logger';
import type { BoardService } from '../board/board-service';
import { checkStep } from './check/check-step';
import { createLessonLibrary } from './lesson-library';
import { createLessonService, type LessonService } from './lesson-service';
import { createLessonWorkStore } from './lesson-work-store';
import { defaultShippedLessonsDir } from './lessons-path';
import { loadLessonFolder } from './load-lesson-folder';

/**
 * Wires the lesson service: shipped lessons, imported packs in <data>/lessons, each child's work in
 * <data>/lesson-work, the check engine, and the board (to say a real kit is connected).
 */
export const createLessonsService = (options: {
  dataDir: string;
  board: BoardService;
  logger: Logger;
  shippedDir?: string;
}): LessonService => {
  const importedDir = join(options.dataDir, 'lessons');
  return createLessonService({
    library: createLessonLibrary({
      shippedDir: options.shippedDir ?? defaultShippedLessonsDir(),
      importedDir,
      loadFolder: loadLessonFolder,
      logger: options.logger,
    }),
    work: createLessonWorkStore(join(options.dataDir, 'lesson-work'), options.logger),
    importedDir,
    checkStep,
    parseLesson: (files, imageFiles) => parseLesson(files, { knownBlockTypes: knownBlockTypes(), imageFiles }),
    realKitConnected: () => {
      const status = options.board.status();
      return status.target?.kind === 'serial' && status.state === 'ready';
    },
  });
};
