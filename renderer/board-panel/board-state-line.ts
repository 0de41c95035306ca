/**
 * One line under the board panel saying what the board is doing (connecting, ready, no
 * firmware, lost…). Uses the board service's message key when it gives one.
 */
import type { BoardStatus } from '../../common/ipc/contract-board';
import { hasMessage } from '../../common/i18n/translate';
import { getLocale, onLocaleChange, t } from '../i18n/i18n';
import { h } from '../ui/dom';

export interface BoardStateLine {
  root: HTMLElement;
  show(status: BoardStatus): void;
}

export const stateText = (status: BoardStatus): string => {
  const own = `runner.board.state.${status.state}`;
  const key =
    status.state !== 'ready' && status.messageKey && hasMessage(getLocale(), status.messageKey)
      ? status.messageKey
      : own;
  const where =
    status.target?.kind === 'serial'
      ? t('runner.board.serial', { path: status.target.path })
      : status.target?.kind === 'virtual'
        ? t('runner.board.virtual')
        : '';
  return where && status.state !== 'idle' ? `${where} · ${t(key)}` : t(key);
};

export const buildBoardStateLine = (): BoardStateLine => {
  // Not a live region: the board chooser's status line (renderer/board-connect) already speaks
  // every state change, with more detail; two live regions would announce each change twice.
  const root = h('p', {
    class: 'board-state',
    'data-testid': 'board-state',
    'data-state': 'unknown',
  });
  let last: BoardStatus | null = null;
  const render = () => {
    if (last) root.textContent = stateText(last);
  };
  onLocaleChange(render);
  return {
    root,
    show(status) {
      last = status;
      root.dataset.state = status.state;
      render();
    },
  };
};
