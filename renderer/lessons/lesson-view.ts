import type { Lesson, LessonStep } from '../../common/lessons/lesson-types';
import type { LessonWork } from '../../common/ipc/lesson-work-schema';
import { renderGuide, type GuideImage } from '../board-connect/guide-view';
import { getLocale, t } from '../i18n/i18n';
import { h, label } from '../ui/dom';

/** The open lesson's DOM: back, title, step list, the step's text and hints, Comprobar, result. */
export interface LessonView {
  root: HTMLElement;
  back: HTMLButtonElement;
  title: HTMLElement;
  /** The lesson's introduction (goals, parts and wiring), open on the first step. */
  summary: HTMLDetailsElement;
  summaryBody: HTMLElement;
  steps: HTMLOListElement;
  stepOf: HTMLElement;
  stepTitle: HTMLElement;
  body: HTMLElement;
  hints: HTMLOListElement;
  hintButton: HTMLButtonElement;
  scenario: HTMLElement;
  /** The step's helplines from the centre's country (```help keys). */
  help: HTMLElement;
  checkButton: HTMLButtonElement;
  /** Polite live region: the check's verdict and message. */
  result: HTMLElement;
  /** The expected-vs-actual picture (outside the live region: it is long). */
  timeline: HTMLElement;
  nextStepButton: HTMLButtonElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
  complete: HTMLElement;
}

export const buildLessonView = (): LessonView => {
  const back = label('button', 'lessons.lesson.back', {
    type: 'button',
    class: 'secondary lesson-back',
    'data-testid': 'lesson-back',
  });
  const title = h('h3', { class: 'lesson-title', tabindex: '-1', 'data-testid': 'lesson-title' });
  // Scrolls inside itself in a short window (the step below stays in view), so it takes focus.
  const summaryBody = h('div', { class: 'lesson-summary-body', tabindex: '0' });
  const summary = h(
    'details',
    { class: 'lesson-summary', 'data-testid': 'lesson-summary' },
    label('summary', 'lessons.lesson.about'),
    summaryBody,
  ) as HTMLDetailsElement;
  const steps = h('ol', { class: 'lesson-steps' });
  const stepOf = h('p', { class: 'lesson-step-of', 'data-testid': 'lesson-step-of' });
  const stepTitle = h('h4', { class: 'lesson-step-title', tabindex: '-1', 'data-testid': 'lesson-step-title' });
  const body = h('div', { class: 'lesson-body', 'data-testid': 'lesson-body' });
  const hints = h('ol', { class: 'lesson-hints', 'data-testid': 'lesson-hints' });
  const hintButton = label('button', 'lessons.hint.show', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'lesson-hint',
  });
  const scenario = h('div', { class: 'lesson-scenario', 'data-testid': 'lesson-scenario' });
  const help = h('aside', { class: 'lesson-help', 'data-testid': 'lesson-help', hidden: true });
  const checkButton = label('button', 'lessons.check.button', {
    type: 'button',
    class: 'lesson-check',
    'data-testid': 'lesson-check',
  });
  const result = h('div', {
    class: 'lesson-result',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'lesson-result',
  });
  const timeline = h('div', { class: 'lesson-timeline' });
  const nextStepButton = label('button', 'lessons.check.nextStep', {
    type: 'button',
    'data-testid': 'lesson-next-step',
    hidden: true,
  });
  const previous = label('button', 'lessons.lesson.previous', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'lesson-previous',
  });
  const next = label('button', 'lessons.lesson.next', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'lesson-next',
  });
  const complete = label('p', 'lessons.lesson.complete', {
    class: 'lesson-complete',
    'data-testid': 'lesson-complete',
    hidden: true,
  });
  const root = h(
    'div',
    { class: 'lesson-view', 'data-testid': 'lesson-view' },
    back,
    title,
    summary,
    h('nav', { 'data-i18n-attr': 'aria-label:lessons.lesson.steps' }, steps),
    stepOf,
    stepTitle,
    body,
    h('div', { class: 'lesson-hint-box' }, hints, hintButton),
    help,
    scenario,
    h('div', { class: 'lesson-actions' }, checkButton),
    result,
    timeline,
    nextStepButton,
    complete,
    h('div', { class: 'lesson-step-nav' }, previous, next),
  );
  return {
    root,
    back,
    title,
    summary,
    summaryBody,
    steps,
    stepOf,
    stepTitle,
    body,
    hints,
    hintButton,
    scenario,
    help,
    checkButton,
    result,
    timeline,
    nextStepButton,
    previous,
    next,
    complete,
  };
};

/** Fills the step list: one button per step, the current one marked, passed ones ticked. */
export const renderStepList = (
  view: LessonView,
  lesson: Lesson,
  work: LessonWork,
  current: number,
  onPick: (step: number) => void,
): void => {
  const locale = getLocale();
  view.steps.replaceChildren(
    ...lesson.steps.map((step, index) => {
      const passed = work.steps[String(index)]?.passed ?? false;
      const button = h(
        'button',
        {
          type: 'button',
          class: `lesson-step-button${passed ? ' is-passed' : ''}`,
          'aria-label': `${t('lessons.lesson.stepButton', { step: index + 1, title: step.text[locale].title })}${passed ? ` (${t('lessons.lesson.stepPassed')})` : ''}`,
          'aria-current': index === current ? 'step' : undefined,
          'data-step': index,
          'data-passed': String(passed),
        },
        passed ? `✓${index + 1}` : String(index + 1),
      );
      button.addEventListener('click', () => onPick(index));
      return h('li', {}, button);
    }),
  );
};

/** The step's own texts: title, markdown body (as text, never HTML) and the hints shown so far. */
export const renderStepText = (
  view: LessonView,
  lesson: Lesson,
  step: LessonStep,
  index: number,
  hintsShown: number,
  image?: GuideImage,
) => {
  const locale = getLocale();
  const text = step.text[locale];
  view.title.textContent = lesson.text[locale].title;
  // Opened once per lesson on its first step; after that the child decides.
  if (view.summary.dataset.lesson !== lesson.id) {
    view.summary.dataset.lesson = lesson.id;
    view.summary.open = index === 0;
  }
  renderGuide(view.summaryBody, lesson.text[locale].summary, () => {}, image);
  view.summary.hidden = lesson.text[locale].summary.trim() === '';
  view.stepOf.textContent = t('lessons.lesson.stepOf', { step: index + 1, total: lesson.steps.length });
  view.stepTitle.textContent = text.title;
  renderGuide(view.body, text.body, () => {}, image);
  view.hints.replaceChildren(
    ...text.hints.slice(0, hintsShown).map((hint, n) => {
      const item = h('li', { class: 'lesson-hint', 'data-testid': 'lesson-hint-text' });
      item.append(h('strong', {}, `${t('lessons.hint.label', { n: n + 1, total: text.hints.length })}: `));
      const words = h('div', {});
      renderGuide(words, hint, () => {}, image);
      item.append(words);
      return item;
    }),
  );
  view.hintButton.hidden = hintsShown >= text.hints.length;
  view.hintButton.dataset.i18n = hintsShown === 0 ? 'lessons.hint.show' : 'lessons.hint.more';
  view.hintButton.textContent = t(view.hintButton.dataset.i18n);
};
