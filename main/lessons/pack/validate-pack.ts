import type { Locale } from '../../../common/i18n/locale';
import { translate } from '../../../common/i18n/translate';
import type { Lesson, LessonParseResult } from '../../../common/lessons/lesson-types';
import { lessonIdSchema } from '../../../common/ipc/lesson-work-schema';
import { checkPackFile } from './check-pack-file';
import { packRefused } from './pack-refusal';
import type { PackFiles } from './read-pack-zip';

/** The lesson format's parser, with the known block types already bound. */
export type ParseLesson = (files: Record<string, string>, imageFiles: ReadonlySet<string>) => LessonParseResult;

export interface ValidatedLesson {
  lesson: Lesson;
  /** The lesson's files, relative to its folder, as they will be stored (SVGs re-written). */
  files: Map<string, Buffer>;
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * Checks a whole pack in memory and returns what to install; throws a refusal (with the first
 * reason) otherwise. Every file is checked by its kind; each folder with an es.md is a lesson,
 * parsed with the same parser as the shipped lessons (unknown blocks, bad checks… are refused
 * with the parser's file and line). Files outside any lesson folder (a README) are checked but
 * not kept. A lesson may not take the id of a shipped lesson.
 */
export const validatePack = (
  files: PackFiles,
  options: { parse: ParseLesson; shippedIds: ReadonlySet<string>; locale: Locale },
): ValidatedLesson[] => {
  const checked = new Map<string, Buffer>();
  for (const [path, bytes] of files) checked.set(path, checkPackFile(path, bytes).bytes);
  const folders = [...checked.keys()]
    .filter((path) => path === 'es.md' || path.endsWith('/es.md'))
    .map(folderOf)
    // Deepest first, so a file goes to the nearest lesson folder above it.
    .sort((a, b) => b.length - a.length);
  if (folders.length === 0) throw packRefused('no-lesson', {});
  const byFolder = new Map<string, Map<string, Buffer>>(folders.map((folder) => [folder, new Map()]));
  for (const [path, bytes] of checked) {
    const folder = folders.find((candidate) => candidate === '' || path.startsWith(`${candidate}/`));
    if (folder === undefined) continue;
    byFolder.get(folder)?.set(folder === '' ? path : path.slice(folder.length + 1), bytes);
  }
  const lessons: ValidatedLesson[] = [];
  const ids = new Set<string>();
  for (const folder of [...folders].reverse()) {
    const lessonFiles = byFolder.get(folder) ?? new Map<string, Buffer>();
    const texts: Record<string, string> = {};
    for (const [name, bytes] of lessonFiles) {
      if (!name.includes('/') && /\.(md|json)$/.test(name)) texts[name] = bytes.toString('utf8');
    }
    const images = new Set([...lessonFiles.keys()].filter((name) => /\.(png|jpe?g|svg)$/i.test(name)));
    const parsed = options.parse(texts, images);
    const prefix = folder === '' ? '' : `${folder}/`;
    if (!parsed.ok) {
      const problem = parsed.problems[0];
      throw packRefused('lesson-invalid', {
        file: `${prefix}${problem.file}`,
        line: problem.line,
        problem: translate(options.locale, problem.messageKey, problem.params),
      });
    }
    const id = parsed.lesson.id;
    if (!lessonIdSchema.safeParse(id).success) {
      throw packRefused('lesson-invalid', {
        file: `${prefix}es.md`,
        line: 1,
        problem: translate(options.locale, 'lessons.pack.bad-id', { id: id.slice(0, 64) }),
      });
    }
    if (options.shippedIds.has(id)) throw packRefused('shipped-id', { id });
    if (ids.has(id)) throw packRefused('duplicate', { file: `${prefix}es.md` });
    ids.add(id);
    lessons.push({ lesson: parsed.lesson, files: lessonFiles });
  }
  return lessons;
};
