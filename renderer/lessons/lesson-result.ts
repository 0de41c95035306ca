import type { CheckResult, LessonStep } from '../../common/lessons/lesson-types';
import { getLocale, t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { renderCheckTimeline } from './check-timeline';
import type { LessonView } from './lesson-view';

export const clearResult = (view: LessonView): void => {
  view.result.replaceChildren();
  view.result.dataset.state = '';
  view.timeline.replaceChildren();
};

export const showResultText = (view: LessonView, state: string, ...lines: string[]): void => {
  view.result.dataset.state = state;
  view.result.replaceChildren(...lines.map((line) => h('p', {}, line)));
};

/**
 * The check's answer for the child: passed, or the first unmet expectation in their words with
 * the expected-vs-actual picture; and where it ran (a real kit connected still checks on the
 * virtual board, and the panel says so).
 */
export const showCheckResult = (view: LessonView, result: CheckResult, realKitConnected: boolean): void => {
  const where = result.virtualUno
    ? [t(realKitConnected ? 'lessons.check.virtualWithKit' : 'lessons.check.virtual')]
    : [];
  view.timeline.replaceChildren();
  if (result.passed) {
    showResultText(view, 'passed', t('lessons.check.passed'), ...where);
    return;
  }
  showResultText(view, 'failed', t('lessons.check.failed'), t(result.failure.messageKey, result.failure.params), ...where);
  if (result.failure.timeline) view.timeline.append(renderCheckTimeline(result.failure.timeline));
};

/** A scenario step: the question and its choices as a radio group, answered with one button. */
export const renderScenario = (
  view: LessonView,
  step: LessonStep,
  onAnswer: (choice: number) => void,
): void => {
  const scenario = step.text[getLocale()].scenario;
  view.scenario.replaceChildren();
  view.scenario.hidden = !scenario;
  if (!scenario) return;
  const legend = h('legend', {}, scenario.question);
  const choices = scenario.choices.map((choice, index) =>
    h(
      'label',
      { class: 'lesson-choice' },
      h('input', { type: 'radio', name: 'lesson-choice', value: index, 'data-testid': `lesson-choice-${index}` }),
      ` ${choice.text}`,
    ),
  );
  const answer = h('button', { type: 'button', 'data-testid': 'lesson-answer' }, t('lessons.scenario.answer'));
  answer.addEventListener('click', () => {
    const picked = view.scenario.querySelector<HTMLInputElement>('input[name="lesson-choice"]:checked');
    if (!picked) {
      showResultText(view, 'failed', t('lessons.scenario.pick'));
      return;
    }
    onAnswer(Number(picked.value));
  });
  view.scenario.append(h('fieldset', {}, legend, ...choices), answer);
};

export const showScenarioAnswer = (view: LessonView, step: LessonStep, choice: number, correct: boolean): void => {
  const explanation = step.text[getLocale()].scenario?.choices[choice]?.explanation ?? '';
  showResultText(
    view,
    correct ? 'passed' : 'failed',
    t(correct ? 'lessons.scenario.correct' : 'lessons.scenario.wrong'),
    explanation,
  );
};
