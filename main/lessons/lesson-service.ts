import { AppError } from '../../common/ipc/app-error';
import type {
  LessonForStudent,
  LessonPack,
  LessonSource,
  LessonSummary,
} from '../../common/ipc/contract-lessons';
import type { LessonWork } from '../../common/ipc/lesson-work-schema';
import type { Locale } from '../../common/i18n/locale';
import type { CheckResult, Lesson } from '../../common/lessons/lesson-types';
import type { WorkspaceState } from '../../common/projects/project-file';
import type { LessonLibrary } from './lesson-library';
import type { LessonWorkStore } from './lesson-work-store';
import { readLessonImage, type LessonImage } from './lesson-image';
import { deleteImportedLesson } from './pack/delete-pack';
import { installLessons } from './pack/install-pack';
import { readPackFolder } from './pack/read-pack-folder';
import { readPackZip, type PackFiles } from './pack/read-pack-zip';
import { validatePack, type ParseLesson } from './pack/validate-pack';

export type CheckStep = (input: {
  lesson: Lesson;
  stepIndex: number;
  workspace: unknown;
  locale?: Locale;
  realKitConnected?: boolean;
}) => Promise<CheckResult>;

export interface LessonService {
  list(): Promise<{ lessons: LessonSummary[]; openLesson: string | null }>;
  close(): { closed: true };
  open(id: string): Promise<{ lesson: LessonForStudent; source: LessonSource; work: LessonWork }>;
  saveWork(id: string, step: number, workspace: WorkspaceState): Promise<{ savedAt: string }>;
  check(
    id: string,
    step: number,
    workspace: WorkspaceState,
    locale: Locale,
  ): Promise<{ result: CheckResult; work: LessonWork; realKitConnected: boolean }>;
  answer(id: string, step: number, choice: number): Promise<{ correct: boolean; work: LessonWork }>;
  /** The whole lesson, staff notes included (plans and printed guides; staff calls only). */
  forStaff(id: string): Promise<Lesson>;
  /** Ids of every lesson this PC offers (shipped and imported). */
  knownIds(): Promise<Set<string>>;
  /** For staff calls only (the dispatcher checks the role): one step's instructor notes. */
  staffNotes(id: string, step: number): Promise<{ notes: Record<Locale, string | null> }>;
  importPack(
    pack: LessonPack,
    locale: Locale,
  ): Promise<{ lessons: Array<{ id: string; title: Record<Locale, string>; replaced: boolean }> }>;
  /** An image the lesson's text shows (only those; checked again as at import). */
  image(id: string, file: string): Promise<LessonImage>;
  /**
   * Deletes an imported lesson (never a shipped one). The children's saved work for it is kept:
   * it is theirs, it shows nowhere without the lesson, and it is back if the pack is imported again.
   */
  deleteImported(id: string): Promise<{ deleted: true }>;
}

/** What a child's screen gets: no reference solutions, no staff notes. */
const forStudent = (lesson: Lesson): LessonForStudent => ({
  ...lesson,
  steps: lesson.steps.map((step) => ({
    ...step,
    solution: null,
    text: {
      es: { ...step.text.es, staffNotes: null },
      en: { ...step.text.en, staffNotes: null },
    },
  })),
});

/**
 * Lessons for the student screen and pack import for instructors. Checks run one at a time
 * (each is a simulated board in a worker; the classroom PC has few cores), and only main decides
 * that a step passed: the renderer sends blocks, never a verdict.
 */
export const createLessonService = (options: {
  library: LessonLibrary;
  work: LessonWorkStore;
  importedDir: string;
  checkStep: CheckStep;
  parseLesson: ParseLesson;
  realKitConnected: () => boolean;
}): LessonService => {
  const { library, work } = options;
  let checks: Promise<unknown> = Promise.resolve();
  const lessonOf = async (id: string) => {
    const loaded = await library.get(id);
    if (!loaded) throw new AppError('not-found', { details: [id] });
    return loaded;
  };
  const stepOf = (lesson: Lesson, step: number) => {
    const found = lesson.steps[step];
    if (!found) throw new AppError('bad-request', { details: [`step ${step} of ${lesson.id}`] });
    return found;
  };
  return {
    async list() {
      const progress = work.progress();
      const lessons = [...(await library.all()).values()].map(({ lesson, source }): LessonSummary => {
        const done = progress.get(lesson.id);
        return {
          id: lesson.id,
          source,
          title: { es: lesson.text.es.title, en: lesson.text.en.title },
          audience: lesson.audience,
          level: lesson.level,
          durationMin: lesson.durationMin,
          activityType: lesson.activityType,
          stepCount: lesson.steps.length,
          passedSteps: Math.min(done?.passedSteps ?? 0, lesson.steps.length),
          completed: done?.completed ?? false,
        };
      });
      lessons.sort((a, b) => a.level - b.level || a.title.es.localeCompare(b.title.es, 'es'));
      const open = work.openLesson();
      return { lessons, openLesson: open && lessons.some((lesson) => lesson.id === open) ? open : null };
    },
    close() {
      work.setOpenLesson(null);
      return { closed: true };
    },
    async open(id) {
      const { lesson, source } = await lessonOf(id);
      const saved = work.load(id);
      work.setOpenLesson(id);
      return { lesson: forStudent(lesson), source, work: { ...saved, step: Math.min(saved.step, lesson.steps.length - 1) } };
    },
    async saveWork(id, step, workspace) {
      stepOf((await lessonOf(id)).lesson, step);
      return { savedAt: work.saveStep(id, step, workspace).savedAt };
    },
    async check(id, step, workspace, locale) {
      const { lesson } = await lessonOf(id);
      const found = stepOf(lesson, step);
      if (found.kind !== 'build' || found.checks.length === 0) {
        throw new AppError('bad-request', { details: [`step ${step} of ${id} has no checks`] });
      }
      work.saveStep(id, step, workspace);
      const realKitConnected = options.realKitConnected();
      const run = checks.then(() => options.checkStep({ lesson, stepIndex: step, workspace, locale, realKitConnected }));
      checks = run.catch(() => undefined);
      const result = await run;
      const saved = result.passed ? work.markPassed(id, step, lesson.steps.length) : work.load(id);
      return { result, work: saved, realKitConnected };
    },
    async answer(id, step, choice) {
      const { lesson } = await lessonOf(id);
      const found = stepOf(lesson, step);
      const picked = found.text.es.scenario?.choices[choice];
      if (found.kind !== 'scenario' || !picked) {
        throw new AppError('bad-request', { details: [`step ${step} of ${id}: no choice ${choice}`] });
      }
      const saved = picked.correct ? work.markPassed(id, step, lesson.steps.length) : work.load(id);
      return { correct: picked.correct, work: saved };
    },
    async forStaff(id) {
      return (await lessonOf(id)).lesson;
    },
    async knownIds() {
      return new Set((await library.all()).keys());
    },
    async staffNotes(id, step) {
      const found = stepOf((await lessonOf(id)).lesson, step);
      const notesOf = (locale: Locale) => found.text[locale].staffNotes?.trim() || null;
      return { notes: { es: notesOf('es'), en: notesOf('en') } };
    },
    async importPack(pack, locale) {
      let files: PackFiles;
      if (pack.kind === 'zip') files = await readPackZip(Buffer.from(pack.base64, 'base64'), pack.name);
      else {
        const entries = pack.files.map((file) => ({ path: file.path, bytes: Buffer.from(file.base64, 'base64') }));
        files = readPackFolder(entries, pack.name);
      }
      const validated = validatePack(files, {
        parse: options.parseLesson,
        shippedIds: await library.shippedIds(),
        locale,
      });
      const installed = installLessons(options.importedDir, validated);
      library.refresh();
      return {
        lessons: validated.map(({ lesson }, index) => ({
          id: lesson.id,
          title: { es: lesson.text.es.title, en: lesson.text.en.title },
          replaced: installed[index].replaced,
        })),
      };
    },
    async image(id, file) {
      const { lesson, dir } = await lessonOf(id);
      return readLessonImage(lesson, dir, file);
    },
    async deleteImported(id) {
      if ((await library.shippedIds()).has(id)) {
        throw new AppError('lessons.shipped', { messageKey: 'lessons.delete.shipped' });
      }
      deleteImportedLesson(options.importedDir, id);
      library.refresh();
      return { deleted: true };
    },
  };
};
