/**
 * The lesson region (issue 10): the lesson list, and an open lesson with its steps, hints,
 * narrowed toolbox, Comprobar and the result. The lesson that was open is opened again after a
 * reload or a restart (main remembers it, with the work).
 */
import type { Feature } from '../app/features';
import { revealLessonColumn } from '../app/lesson-fold';
import { applyTranslations, onLocaleChange, t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { buildLessonListView } from './lesson-list-view';
import { openLessonSession } from './lesson-session';

export const lessonFeature: Feature = async ({ client, frame, shared }) => {
  const region = frame.regions.lesson;
  const editor = shared.editor;
  region.querySelector('[data-placeholder]')?.remove();
  const problem = h('p', { class: 'lesson-problem error-text', role: 'alert', hidden: true });
  const list = buildLessonListView((id) => void open(id));
  const listPage = h('div', { class: 'lesson-list-page' }, list.root);
  region.append(problem, listPage);
  applyTranslations(region);
  let session: Awaited<ReturnType<typeof openLessonSession>> | null = null;

  const refreshList = async (): Promise<string | null> => {
    try {
      const listed = await client.call('lessons.list', {});
      list.show(listed.lessons);
      return listed.openLesson;
    } catch (error) {
      console.warn('lessons could not be listed', error);
      list.showMessage('lessons.list.error');
      return null;
    }
  };

  const showList = async (focusId?: string) => {
    session = null;
    await client.call('lessons.close', {}).catch((error: unknown) => console.warn('lesson close not kept', error));
    listPage.hidden = false;
    region.dataset.lesson = '';
    await refreshList();
    list.focus(focusId);
  };

  const open = async (id: string) => {
    if (!editor || session) return;
    problem.hidden = true;
    try {
      const opened = await openLessonSession({
        client,
        editor,
        shared,
        lessonId: id,
        onClose: () => void showList(id),
      });
      session = opened;
      listPage.hidden = true;
      region.append(opened.root);
      region.dataset.lesson = id;
      revealLessonColumn(region);
      await opened.start();
    } catch (error) {
      console.warn('lesson could not be opened', error);
      problem.textContent = t('lessons.lesson.openError');
      problem.hidden = false;
    }
  };

  onLocaleChange(() => {
    if (!session) void refreshList();
  });
  shared.lessonNavigator = {
    async openAt(id, step) {
      if (session && session.lessonId !== id) {
        await session.close();
        session = null;
      }
      if (!session) await open(id);
      await session?.goTo(step);
    },
  };
  const reopen = await refreshList();
  if (reopen) await open(reopen);
  region.dataset.lessonsReady = 'true';
};
