/**
 * Prepare board: ask first (it replaces the program on the board), then flash through
 * 'serial.prepareBoard' with a progress bar fed by 'serial.flashProgress'. Screen readers hear
 * each phase and every quarter of the way, not every percent. A failure says what happened and
 * what to try (the service's sentence) with a "¿Qué hago?" link to its guide section.
 */
import type { IpcError } from '../../common/ipc/app-error';
import { guideAnchorFor } from '../../common/serial/error-guide';
import { ChispaCallError, type ChispaClient } from '../ipc/client';
import { errorText, getLocale, onLocaleChange, t } from '../i18n/i18n';
import type { MessageParams } from '../../common/i18n/translate';
import { askConfirm } from '../ui/confirm-dialog';
import { h, label } from '../ui/dom';

export interface PrepareFlow {
  root: HTMLElement;
  /** Asks, flashes, reports; resolves true when the board was prepared. */
  run(path: string): Promise<boolean>;
}

export const confirmPrepare = (path: string): Promise<boolean> => {
  const no = h('button', { type: 'button', class: 'secondary', 'data-testid': 'prepare-cancel' });
  no.textContent = t('connect.prepare.confirm.no');
  const yes = h('button', { type: 'button', class: 'prepare-yes', 'data-testid': 'prepare-confirm' });
  yes.textContent = t('connect.prepare.confirm.yes');
  return askConfirm({
    className: 'prepare-dialog',
    title: h('h2', { id: 'prepare-title' }, t('connect.prepare.confirm.title')),
    message: h('p', { id: 'prepare-message' }, t('connect.prepare.confirm.message', { path })),
    cancel: no,
    confirm: yes,
  });
};

export const buildPrepareFlow = (
  client: ChispaClient,
  options: { setFlashing(flashing: boolean): void; openGuide(anchor: string): void },
): PrepareFlow => {
  const bar = h('progress', {
    max: '100',
    value: '0',
    'data-testid': 'board-flash-progress',
    'data-i18n-attr': 'aria-label:connect.prepare.progress',
  });
  const percent = h('span', { class: 'flash-percent', 'data-testid': 'board-flash-percent' });
  const phase = h('p', {
    class: 'flash-phase',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'board-flash-phase',
  });
  const errorMessage = h('p', { 'data-testid': 'board-flash-error' });
  const help = label('button', 'connect.help', {
    type: 'button',
    class: 'link-button',
    'data-testid': 'board-flash-help',
  });
  const failure = h('div', { class: 'flash-failure', role: 'alert', hidden: true }, errorMessage, help);
  const progressBox = h(
    'div',
    { class: 'flash-progress', hidden: true },
    h('div', { class: 'flash-bar' }, bar, percent),
  );
  const root = h(
    'div',
    { class: 'board-prepare', 'data-testid': 'board-prepare-flow' },
    progressBox,
    phase,
    failure,
  );
  let helpAnchor: string | null = null;
  // What is shown, as keys, so a language switch re-says it.
  let phaseWords: { key: string; params?: MessageParams } | null = null;
  let lastError: IpcError | null = null;
  const sayPhase = (key: string, params?: MessageParams) => {
    phaseWords = { key, params };
    phase.textContent = t(key, params);
  };
  help.addEventListener('click', () => {
    if (helpAnchor) options.openGuide(helpAnchor);
  });

  const showFailure = (error: IpcError) => {
    lastError = error;
    errorMessage.textContent = `${t('connect.prepare.failed')} ${errorText(error)}`;
    helpAnchor = guideAnchorFor(error.code);
    help.hidden = !helpAnchor;
    failure.hidden = false;
    failure.dataset.code = error.code;
  };

  onLocaleChange(() => {
    if (phaseWords) phase.textContent = t(phaseWords.key, phaseWords.params);
    if (lastError && !failure.hidden) showFailure(lastError);
  });

  return {
    root,
    async run(path) {
      if (!(await confirmPrepare(path))) return false;
      failure.hidden = true;
      progressBox.hidden = false;
      bar.value = 0;
      percent.textContent = '0 %';
      root.dataset.phase = 'connecting';
      sayPhase('connect.prepare.start');
      let spokenPhase = '';
      let spokenQuarter = -1;
      const stop = client.on('serial.flashProgress', (progress) => {
        if (progress.path !== path) return;
        bar.value = progress.percent;
        percent.textContent = `${progress.percent} %`;
        root.dataset.phase = progress.phase;
        const quarter = Math.floor(progress.percent / 25);
        // Speak phase changes and each quarter; the bar itself carries every percent.
        if (progress.phase !== spokenPhase || (progress.phase !== 'done' && quarter !== spokenQuarter)) {
          spokenPhase = progress.phase;
          spokenQuarter = quarter;
          sayPhase(`serial.flash.phase.${progress.phase}`, { percent: quarter * 25 });
        }
      });
      options.setFlashing(true);
      try {
        const result = await client.call('serial.prepareBoard', { path });
        bar.value = 100;
        percent.textContent = '100 %';
        root.dataset.phase = 'done';
        sayPhase('connect.prepare.done', {
          // "3,0 s" in Spanish, "3.0 s" in English.
          seconds: new Intl.NumberFormat(getLocale(), {
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
          }).format(result.durationMs / 1000),
        });
        return true;
      } catch (error) {
        progressBox.hidden = true;
        phaseWords = null;
        phase.textContent = '';
        root.dataset.phase = 'failed';
        showFailure(
          error instanceof ChispaCallError ? error.error : { code: 'internal', messageKey: 'error.internal' },
        );
        return false;
      } finally {
        stop();
        options.setFlashing(false);
      }
    },
  };
};
