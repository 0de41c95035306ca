/**
 * One line saying what the board is doing (connecting, ready, no firmware, lost…), spoken by
 * screen readers (role=status). Uses the board service's message key when it gives one.
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
  const root = h('p', {
    class: 'board-state',
    role: 'status',
    'aria-live': 'polite',
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
