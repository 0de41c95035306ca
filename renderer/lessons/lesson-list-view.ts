import type { LessonSummary } from '../../common/ipc/contract-lessons';
import { lessonAudiences } from '../../common/lessons/lesson-types';
import { getLocale, t } from '../i18n/i18n';
import { h, label } from '../ui/dom';

export interface LessonListView {
  root: HTMLElement;
  show(lessons: LessonSummary[]): void;
  showMessage(key: string): void;
  /** Focus the first lesson (after coming back from a lesson). */
  focus(id?: string): void;
}

const option = (value: string, key: string, params?: Record<string, string | number>) => {
  const element = h('option', { value });
  element.textContent = t(key, params);
  return element;
};

/**
 * The lesson list: filters by audience and level, then one button per lesson with its level,
 * duration and how far the child got (done mark). Built from data each time it is shown, so it
 * is always in the current language.
 */
export const buildLessonListView = (onOpen: (id: string) => void): LessonListView => {
  const audience = h('select', { id: 'lesson-filter-audience', 'data-testid': 'lesson-filter-audience' });
  const level = h('select', { id: 'lesson-filter-level', 'data-testid': 'lesson-filter-level' });
  const list = h('ul', { class: 'lesson-list', 'data-testid': 'lesson-list' });
  const message = h('p', { class: 'lesson-list-message', role: 'status', 'data-testid': 'lesson-list-message' });
  const root = h(
    'div',
    { class: 'lesson-list-view' },
    h(
      'div',
      { class: 'lesson-filters' },
      h('label', { for: 'lesson-filter-audience' }, label('span', 'lessons.list.filter.audience')),
      audience,
      h('label', { for: 'lesson-filter-level' }, label('span', 'lessons.list.filter.level')),
      level,
    ),
    message,
    list,
  );
  let lessons: LessonSummary[] = [];

  const render = () => {
    const locale = getLocale();
    const chosenAudience = audience.value;
    const chosenLevel = level.value;
    audience.replaceChildren(
      option('', 'lessons.list.filter.all'),
      ...lessonAudiences.map((value) => option(value, `lessons.audience.${value}`)),
    );
    const levels = [...new Set(lessons.map((lesson) => lesson.level))].sort((a, b) => a - b);
    level.replaceChildren(
      option('', 'lessons.list.filter.all'),
      ...levels.map((value) => option(String(value), 'lessons.list.level', { level: value })),
    );
    audience.value = chosenAudience;
    level.value = levels.map(String).includes(chosenLevel) ? chosenLevel : '';
    const shown = lessons.filter(
      (lesson) =>
        (!audience.value || lesson.audience.includes(audience.value as LessonSummary['audience'][number])) &&
        (!level.value || lesson.level === Number(level.value)),
    );
    list.replaceChildren(
      ...shown.map((lesson) => {
        const progress = lesson.completed
          ? t('lessons.list.done')
          : lesson.passedSteps > 0
            ? t('lessons.list.progress', { done: lesson.passedSteps, total: lesson.stepCount })
            : t('lessons.list.notStarted');
        const details = [
          t('lessons.list.level', { level: lesson.level }),
          t('lessons.list.duration', { min: lesson.durationMin }),
          t(`staff.ui.activity.${lesson.activityType}`),
          ...(lesson.source === 'imported' ? [t('lessons.list.imported')] : []),
        ].join(' · ');
        const button = h(
          'button',
          {
            type: 'button',
            class: 'lesson-list-item',
            'data-lesson': lesson.id,
            'data-testid': `lesson-${lesson.id}`,
            'data-done': String(lesson.completed),
          },
          h('span', { class: 'lesson-list-title' }, lesson.title[locale]),
          h('span', { class: 'lesson-list-details' }, details),
          h('span', { class: `lesson-list-progress${lesson.completed ? ' is-done' : ''}` }, lesson.completed ? `✓ ${progress}` : progress),
        );
        button.addEventListener('click', () => onOpen(lesson.id));
        return h('li', {}, button);
      }),
    );
    message.hidden = shown.length > 0;
    message.textContent = shown.length > 0 ? '' : t('lessons.list.empty');
  };
  audience.addEventListener('change', render);
  level.addEventListener('change', render);

  return {
    root,
    show(next) {
      lessons = next;
      render();
    },
    showMessage(key) {
      list.replaceChildren();
      message.hidden = false;
      message.textContent = t(key);
    },
    focus(id) {
      const target =
        (id ? list.querySelector<HTMLButtonElement>(`[data-lesson="${CSS.escape(id)}"]`) : null) ??
        list.querySelector<HTMLButtonElement>('button');
      target?.focus();
    },
  };
};
