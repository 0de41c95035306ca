/**
 * Staff area → Progress: lesson steps passed on this PC, per child (named) with the anonymous
 * runs together, and per lesson (how many children started and finished it). Names stay here:
 * they come from this PC's attendance log and never leave it.
 */
import type { ProgressReport } from '../../common/ipc/contract-progress';
import type { Locale } from '../../common/i18n/locale';
import { getLocale, t } from '../i18n/i18n';
import type { StaffContext } from '../staff/staff-context';
import { h, label } from '../ui/dom';

const table = (captionKey: string, id: string, headKeys: string[], rows: HTMLTableRowElement[]) =>
  h(
    'table',
    { class: 'staff-table', id },
    label('caption', captionKey),
    h('thead', {}, h('tr', {}, ...headKeys.map((key) => label('th', key, { scope: 'col' })))),
    h('tbody', {}, ...rows),
  );

export const createProgressView = (ctx: StaffContext) => {
  const status = h('p', { role: 'status', class: 'progress-status' });
  const body = h('div', { class: 'progress-tables' });
  const refresh = label('button', 'progress.staff.refresh', {
    type: 'button',
    class: 'secondary',
    id: 'progress-refresh',
    onclick: () => void show(),
  });
  const element = h(
    'section',
    { class: 'progress-view', 'aria-labelledby': 'progress-title' },
    label('h3', 'progress.staff.title', { id: 'progress-title' }),
    refresh,
    status,
    body,
  );

  const render = (report: ProgressReport, titles: Map<string, Record<Locale, string>>) => {
    const title = (id: string) => titles.get(id)?.[getLocale()] ?? id;
    const cell = (text: string | number) => h('td', {}, String(text));
    const childRows = report.children.map((child) =>
      h(
        'tr',
        { 'data-person': child.personId },
        h('th', { scope: 'row' }, child.displayName),
        cell(child.stepsDone),
        cell(child.lessonsDone),
        cell(
          child.lessons
            .map((lesson) =>
              lesson.done
                ? t('progress.staff.lessonDone', { lesson: title(lesson.lessonId) })
                : t('progress.staff.lessonSteps', {
                    lesson: title(lesson.lessonId),
                    steps: lesson.stepsDone,
                  }),
            )
            .join('; '),
        ),
      ),
    );
    if (report.anonymous.stepsDone > 0)
      childRows.push(
        h(
          'tr',
          { 'data-person': 'anonymous' },
          label('th', 'progress.staff.anonymous', { scope: 'row' }),
          cell(report.anonymous.stepsDone),
          cell(report.anonymous.lessonsDone),
          cell(''),
        ),
      );
    const lessonRows = report.lessons.map((lesson) =>
      h(
        'tr',
        { 'data-lesson': lesson.lessonId },
        h('th', { scope: 'row' }, title(lesson.lessonId)),
        cell(lesson.childrenStarted),
        cell(lesson.childrenDone),
        cell(lesson.stepsDone),
      ),
    );
    body.replaceChildren(
      table(
        'progress.staff.byChild',
        'progress-by-child',
        [
          'progress.staff.child',
          'progress.staff.steps',
          'progress.staff.lessons',
          'progress.staff.lessonList',
        ],
        childRows,
      ),
      table(
        'progress.staff.byLesson',
        'progress-by-lesson',
        [
          'progress.staff.lesson',
          'progress.staff.childrenStarted',
          'progress.staff.childrenDone',
          'progress.staff.steps',
        ],
        lessonRows,
      ),
    );
  };

  const show = async () => {
    status.textContent = '';
    try {
      const [report, listed] = await Promise.all([
        ctx.call('progress.report', {}),
        ctx.call('lessons.list', {}),
      ]);
      render(report, new Map(listed.lessons.map((lesson) => [lesson.id, lesson.title])));
      if (report.children.length === 0 && report.anonymous.stepsDone === 0)
        status.textContent = t('progress.staff.empty');
    } catch (error) {
      console.warn('progress could not be loaded', error);
      status.textContent = t('progress.staff.loadError');
    }
  };
  return { element, show };
};
