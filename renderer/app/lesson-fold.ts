import { h, label } from '../ui/dom';

/** Below this window width the lesson column starts folded, so the blocks keep their room. */
export const lessonOpenMinWidth = 1280;

const revealEvent = 'chispa-lesson-reveal';

/**
 * Unfolds the lesson column (a lesson was opened, reopened after a reload, or sent by the
 * instructor): a child with a lesson open sees its step at any window width.
 */
export const revealLessonColumn = (lesson: HTMLElement): void => {
  lesson.dispatchEvent(new Event(revealEvent));
};

/**
 * The header button that shows or folds the lesson column. It sits outside the lesson region,
 * so whatever a lesson puts in that region, the child can always bring it back.
 */
export const buildLessonFold = (lesson: HTMLElement, windowWidth: number): HTMLButtonElement => {
  const button = h(
    'button',
    {
      type: 'button',
      id: 'lesson-toggle',
      class: 'secondary lesson-toggle',
      'aria-controls': lesson.id,
      'data-testid': 'lesson-toggle',
    },
    h('span', { class: 'lesson-toggle-icon', 'aria-hidden': 'true' }, '☰'),
    label('span', 'screens.lesson.toggle'),
  );
  const set = (open: boolean) => {
    lesson.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  set(windowWidth >= lessonOpenMinWidth);
  button.addEventListener('click', () => set(lesson.hidden));
  lesson.addEventListener(revealEvent, () => set(true));
  return button;
};
