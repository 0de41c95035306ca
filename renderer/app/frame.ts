import { h, label } from '../ui/dom';
import { buildLessonFold } from './lesson-fold';

/** The places later features fill. Each starts with a labelled placeholder. */
export type RegionName = 'lesson' | 'workspace' | 'board' | 'staff';

export interface Frame {
  root: HTMLElement;
  header: HTMLElement;
  /** Right side of the header: feature toolbars (Run/Stop, staff button) go here. */
  toolbar: HTMLElement;
  regions: Record<RegionName, HTMLElement>;
  status: HTMLElement;
  languageSelect: HTMLSelectElement;
  connection: HTMLElement;
  /** Unfolds the lesson column (folded by default on narrow screens). */
  showLesson: () => void;
}

const region = (name: RegionName): HTMLElement =>
  h(
    'section',
    { id: `region-${name}`, class: `region region-${name}`, 'aria-labelledby': `region-${name}-title` },
    label('h2', `app.region.${name}`, { id: `region-${name}-title`, class: 'region-title' }),
    label('p', `app.region.${name}.placeholder`, { class: 'placeholder', 'data-placeholder': name }),
  );

export const buildFrame = (): Frame => {
  const languageSelect = h(
    'select',
    { id: 'language', 'data-i18n-attr': 'aria-label:app.language' },
    h('option', { value: 'es', 'data-i18n': 'app.language.es' }),
    h('option', { value: 'en', 'data-i18n': 'app.language.en' }),
  );
  const toolbar = h('div', { class: 'toolbar' });
  const connection = h('span', {
    id: 'connection',
    class: 'connection',
    role: 'status',
    'aria-live': 'polite',
  });
  const regions: Record<RegionName, HTMLElement> = {
    lesson: region('lesson'),
    workspace: region('workspace'),
    board: region('board'),
    staff: region('staff'),
  };
  regions.staff.hidden = true;
  const lessonFold = buildLessonFold(regions.lesson, window.innerWidth);
  const header = h(
    'header',
    { class: 'app-header' },
    h(
      'h1',
      { class: 'app-title' },
      label('span', 'app.title'),
      label('small', 'app.tagline', { class: 'tagline' }),
    ),
    lessonFold.button,
    toolbar,
    h(
      'label',
      { class: 'language' },
      label('span', 'app.language', { class: 'language-word' }),
      languageSelect,
    ),
  );
  const status = h('footer', { class: 'app-status' }, connection);
  const root = h(
    'div',
    { class: 'app' },
    header,
    h('main', { class: 'app-main' }, regions.lesson, regions.workspace, regions.board, regions.staff),
    status,
  );
  return {
    root,
    header,
    toolbar,
    regions,
    status,
    languageSelect,
    connection,
    showLesson: lessonFold.open,
  };
};
