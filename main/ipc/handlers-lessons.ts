import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';
import type { LessonCallName } from '../../common/ipc/contract-lessons';

export const createLessonHandlers = (services: AppServices): Pick<CallHandlers, LessonCallName> => ({
  'lessons.list': () => services.lessons.list(),
  'lessons.close': () => services.lessons.close(),
  'lessons.open': ({ id }) => services.lessons.open(id),
  'lessons.saveWork': ({ id, step, workspace }) => services.lessons.saveWork(id, step, workspace),
  'lessons.check': ({ id, step, workspace, locale }) => services.lessons.check(id, step, workspace, locale),
  'lessons.answer': ({ id, step, choice }) => services.lessons.answer(id, step, choice),
  'lessons.staffNotes': ({ id, step }) => services.lessons.staffNotes(id, step),
  'lessons.importPack': ({ pack, locale }) => services.lessons.importPack(pack, locale),
  'lessons.image': ({ id, file }) => services.lessons.image(id, file),
  'lessons.deleteImported': ({ id }) => services.lessons.deleteImported(id),
});
