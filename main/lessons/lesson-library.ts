import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonSource } from '../../common/ipc/contract-lessons';
import type { Lesson, LessonParseResult } from '../../common/lessons/lesson-types';
import type { Logger } from '../app/logger';

export interface LoadedLesson {
  lesson: Lesson;
  source: LessonSource;
  /** The lesson's folder (its images are served from here). */
  dir: string;
}

export interface LessonLibrary {
  all(): Promise<Map<string, LoadedLesson>>;
  get(id: string): Promise<LoadedLesson | undefined>;
  shippedIds(): Promise<Set<string>>;
  /** Forget what was read (after an import). */
  refresh(): void;
}

const lessonFolders = (dir: string): string[] => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(dir, name, 'es.md')))
    .sort();
};

/**
 * The lessons the app offers: shipped ones (lessons/<id>/, read-only) and imported ones
 * (<data>/lessons/<id>/). A folder that does not parse, or whose id differs from its folder name,
 * is left out and logged (`npm run lessons:check` catches it for shipped lessons). A shipped
 * lesson always wins over an imported one with the same id.
 */
export const createLessonLibrary = (options: {
  shippedDir: string;
  importedDir: string;
  loadFolder: (dir: string) => Promise<LessonParseResult>;
  logger: Logger;
}): LessonLibrary => {
  let cache: Promise<Map<string, LoadedLesson>> | null = null;
  const read = async (): Promise<Map<string, LoadedLesson>> => {
    const lessons = new Map<string, LoadedLesson>();
    for (const [source, dir] of [
      ['shipped', options.shippedDir],
      ['imported', options.importedDir],
    ] as const) {
      for (const folder of lessonFolders(dir)) {
        try {
          const parsed = await options.loadFolder(join(dir, folder));
          if (!parsed.ok) {
            const first = parsed.problems[0];
            options.logger.warn(`lesson ${source}/${folder} left out: ${first.file}:${first.line} ${first.messageKey}`);
            continue;
          }
          if (parsed.lesson.id !== folder) {
            options.logger.warn(`lesson ${source}/${folder} left out: its id is ${parsed.lesson.id}`);
            continue;
          }
          if (lessons.has(folder)) {
            options.logger.warn(`imported lesson ${folder} left out: a shipped lesson has that id`);
            continue;
          }
          lessons.set(folder, { lesson: parsed.lesson, source, dir: join(dir, folder) });
        } catch (error) {
          options.logger.warn(`lesson ${source}/${folder} could not be read`, error);
        }
      }
    }
    return lessons;
  };
  const all = () => {
    cache ??= read();
    return cache;
  };
  return {
    all,
    get: async (id) => (await all()).get(id),
    // Every shipped folder, also one that does not parse today: an import may not take its id.
    shippedIds: async () => new Set(lessonFolders(options.shippedDir)),
    refresh() {
      cache = null;
    },
  };
};
