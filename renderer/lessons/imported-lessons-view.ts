import type { LessonSummary } from '../../common/ipc/contract-lessons';
import { getLocale } from '../i18n/i18n';
import { ChispaCallError } from '../ipc/client';
import { confirmAction } from '../staff/confirm-dialog';
import type { StaffContext } from '../staff/staff-context';
import { setErrorText, setText } from '../staff/staff-text';
import { h, label } from '../ui/dom';

/**
 * The imported lessons in the staff area's "Lessons" tab, each with a delete button (shipped
 * lessons are not listed: they cannot be deleted). Deleting asks first and says that the
 * children's saved work is kept (main keeps it: a re-import brings it back).
 */
export const createImportedLessonsView = (ctx: StaffContext) => {
  const list = h('ul', { class: 'imported-lessons', 'data-testid': 'imported-lessons' });
  const empty = label('p', 'lessons.delete.none', { 'data-testid': 'imported-lessons-none' });
  const status = h('p', { role: 'status', 'data-testid': 'imported-lessons-status' });
  const element = h(
    'section',
    { class: 'lesson-pack', 'aria-labelledby': 'imported-lessons-title' },
    label('h3', 'lessons.delete.title', { id: 'imported-lessons-title' }),
    empty,
    list,
    status,
  );

  const remove = async (lesson: LessonSummary) => {
    const title = lesson.title[getLocale()];
    const confirmed = await confirmAction({
      id: 'delete-lesson',
      titleKey: 'lessons.delete.confirmTitle',
      messageKey: 'lessons.delete.confirmMessage',
      params: { title },
      confirmKey: 'lessons.delete.confirm',
      danger: true,
    });
    if (!confirmed) return;
    try {
      await ctx.call('lessons.deleteImported', { id: lesson.id });
      setText(status, 'lessons.delete.done', { title });
    } catch (error) {
      if (error instanceof ChispaCallError) setErrorText(status, error.error);
      else throw error;
    }
    await refresh();
  };

  const refresh = async () => {
    const { lessons } = await ctx.call('lessons.list', {});
    const imported = lessons.filter((lesson) => lesson.source === 'imported');
    empty.hidden = imported.length > 0;
    list.replaceChildren(
      ...imported.map((lesson) => {
        const button = h('button', {
          type: 'button',
          class: 'secondary danger',
          'data-testid': `delete-lesson-${lesson.id}`,
        });
        setText(button, 'lessons.delete.buttonLabel', { title: lesson.title[getLocale()] });
        button.addEventListener('click', () => void remove(lesson));
        return h('li', {}, button);
      }),
    );
  };
  void refresh();
  return { element, refresh };
};
