/**
 * Run and Stop in the header: big and labelled, plus a status line that says what the program
 * is doing (and why it stopped). Run is off while a program runs; Stop always works (with no
 * program running it still switches the board's outputs off). Native buttons, so Tab/Enter/Space work.
 */
import { onLocaleChange, t } from '../i18n/i18n';
import { h, label } from '../ui/dom';
import type { RunnerState } from './program-runner';
import type { FriendlyMessage } from './runtime-error';

export interface RunControls {
  root: HTMLElement;
  runButton: HTMLButtonElement;
  stopButton: HTMLButtonElement;
  setState(state: RunnerState): void;
  /** Shows a message (null = the state's own words); `tone` colours it. */
  say(message: FriendlyMessage | null, tone?: 'info' | 'error'): void;
}

export const buildRunControls = (): RunControls => {
  const runButton = h(
    'button',
    {
      type: 'button',
      class: 'run-button',
      'data-testid': 'run',
      'data-i18n-attr': 'title:runner.run.hint',
    },
    h('span', { class: 'run-icon', 'aria-hidden': 'true' }, '▶'),
    label('span', 'runner.run'),
  );
  const stopButton = h(
    'button',
    {
      type: 'button',
      class: 'stop-button',
      'data-testid': 'stop',
      'data-i18n-attr': 'title:runner.stop.hint',
    },
    h('span', { class: 'stop-icon', 'aria-hidden': 'true' }, '■'),
    label('span', 'runner.stop'),
  );
  const status = h('span', {
    class: 'run-status',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'run-status',
  });
  const root = h('div', { class: 'run-controls', role: 'group' }, runButton, stopButton, status);
  let state: RunnerState = 'idle';
  let message: FriendlyMessage | null = null;
  const render = () => {
    status.textContent = message ? t(message.key, message.params) : t(`runner.state.${state}`);
  };
  onLocaleChange(render);
  render();
  return {
    root,
    runButton,
    stopButton,
    setState(next) {
      state = next;
      root.dataset.state = next;
      status.dataset.state = next;
      runButton.disabled = next !== 'idle';
      // Keep keyboard focus on the button that now makes sense.
      if (next !== 'idle' && document.activeElement === runButton) stopButton.focus();
      if (next === 'idle' && document.activeElement === stopButton) runButton.focus();
      render();
    },
    say(next, tone = 'info') {
      message = next;
      status.dataset.tone = tone;
      render();
    },
  };
};
