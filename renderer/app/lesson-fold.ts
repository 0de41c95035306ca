import { h, label } from '../ui/dom';

/** Below this window width the lesson column starts folded, so the blocks keep their room. */
export const lessonOpenMinWidth = 1280;

/**
 * The header button that shows or folds the lesson column. It sits outside the lesson region,
 * so whatever a lesson puts in that region, the child can always bring it back.
 */
export const buildLessonFold = (
  lesson: HTMLElement,
  windowWidth: number,
): { button: HTMLButtonElement; open: () => void } => {
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
  return { button, open: () => set(true) };
};
