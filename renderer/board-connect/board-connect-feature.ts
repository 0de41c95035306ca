/**
 * The board region's top: choose the virtual board or a serial port, connect/disconnect, see the
 * board's state in plain words ('board.state'), prepare a board without Chispa's firmware, run a
 * diagnosis and open the troubleshooting guide at the section that explains the current problem.
 */
import type { IpcError } from '../../common/ipc/app-error';
import type { BoardStatus } from '../../common/ipc/contract-board';
import { hasMessage } from '../../common/i18n/translate';
import type { Feature } from '../app/features';
import { ChispaCallError } from '../ipc/client';
import { applyTranslations, errorText, getLocale, onLocaleChange, t } from '../i18n/i18n';
import { h, label } from '../ui/dom';
import { createBoardFlashing } from './board-flashing';
import { buildDiagnosisView } from './diagnosis-view';
import { createGuideDialog } from './guide-dialog';
import { buildPortChooser } from './port-chooser';
import { buildPrepareFlow } from './prepare-flow';
import { guideAnchorForMessageKey, statusWords, withWhere, type Words } from './status-words';

const toIpcError = (error: unknown): IpcError =>
  error instanceof ChispaCallError ? error.error : { code: 'internal', messageKey: 'error.internal' };

/** States where the child has something to choose or fix in the chooser. */
const needsChild = (state: BoardStatus['state']): boolean =>
  state !== 'ready' && state !== 'idle' && state !== 'connecting' && state !== 'flashing';

export const boardConnectFeature: Feature = async ({ client, frame, shared }) => {
  const flashing = createBoardFlashing();
  shared.boardFlashing = flashing;
  const guide = createGuideDialog(client);
  const openGuide = (anchor: string) => void guide.open(anchor);

  // One polite voice for what the child did (port added, connect failed); board states have theirs.
  const notice = h('p', {
    class: 'board-connect-notice',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'board-connect-notice',
  });
  const say = (text: string) => {
    notice.textContent = text;
  };
  const chooser = buildPortChooser(client, say);
  const connectButton = label('button', 'connect.connect', {
    type: 'button',
    'data-testid': 'board-connect',
  });
  const disconnectButton = label('button', 'connect.disconnect', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'board-disconnect',
  });

  const sentence = h('p', {
    class: 'connect-sentence',
    'data-testid': 'board-connect-state',
    'data-state': 'unknown',
  });
  const detail = h('p', { class: 'connect-detail', 'data-testid': 'board-connect-detail', hidden: true });
  const prepareButton = label('button', 'connect.prepare', {
    type: 'button',
    class: 'prepare-button',
    'data-testid': 'board-prepare',
    hidden: true,
  });
  const helpButton = label('button', 'connect.help', {
    type: 'button',
    class: 'link-button',
    'data-testid': 'board-help',
    hidden: true,
  });
  const statusBox = h(
    'div',
    // The one place the student screen says the board's state (data-state for tests and styles).
    {
      class: 'connect-status',
      role: 'status',
      'aria-live': 'polite',
      'aria-atomic': 'true',
      'data-testid': 'board-state',
      'data-state': 'unknown',
    },
    sentence,
    detail,
  );
  const prepareFlow = buildPrepareFlow(client, { setFlashing: (on) => flashing.set(on), openGuide });
  const diagnosis = buildDiagnosisView(client, {
    path: () => {
      const target = chooser.target();
      return target.kind === 'serial' ? target.path : null;
    },
    openGuide,
  });
  // Choosing a board folds away once a board is ready, and opens again when it needs the child.
  const fold = h(
    'details',
    { class: 'board-connect-fold', 'data-testid': 'board-connect-fold', open: true },
    h('summary', {}, label('h2', 'connect.title', { id: 'board-connect-title' })),
    chooser.root,
    h('div', { class: 'board-connect-actions' }, connectButton, disconnectButton),
    notice,
  );
  const root = h(
    'section',
    {
      class: 'board-connect',
      'aria-labelledby': 'board-connect-title',
      'data-testid': 'board-connect-panel',
    },
    fold,
    statusBox,
    h('div', { class: 'connect-next' }, prepareButton, helpButton),
    prepareFlow.root,
    diagnosis.root,
  );
  const region = frame.regions.board;
  region.prepend(root);
  applyTranslations(root);

  let last: BoardStatus | null = null;
  let guideAnchor: string | null = null;
  const text = (words: Words) => t(words.key, words.params);
  const render = () => {
    const status: BoardStatus | null = flashing.isFlashing()
      ? {
          state: 'flashing',
          target: last?.target ?? null,
          firmware: null,
          messageKey: null,
          canPrepare: false,
        }
      : last;
    if (!status) return;
    const words = statusWords(status, (key) => hasMessage(getLocale(), key));
    sentence.textContent = text(withWhere(words.sentence, status, text));
    sentence.dataset.state = status.state;
    statusBox.dataset.state = status.state;
    root.dataset.state = status.state;
    detail.textContent = words.detail ? text(words.detail) : '';
    detail.hidden = !words.detail;
    const target = status.target;
    prepareButton.hidden = !(words.prepare && target?.kind === 'serial');
    guideAnchor = words.guideAnchor;
    helpButton.hidden = !guideAnchor;
    helpButton.dataset.anchor = guideAnchor ?? '';
    const busy = flashing.isFlashing();
    connectButton.disabled = busy || status.state === 'connecting';
    disconnectButton.disabled = busy || status.state === 'idle' || status.target === null;
    prepareButton.disabled = busy;
    diagnosis.button.disabled = busy;
  };
  const show = (status: BoardStatus) => {
    const changed = status.state !== last?.state;
    if (changed && status.state === 'ready') fold.open = false;
    if (changed && needsChild(status.state)) fold.open = true;
    last = status;
    if (!flashing.isFlashing()) chooser.select(status.target);
    render();
  };
  flashing.onChange(render);
  onLocaleChange(render);
  client.on('board.state', show);

  const act = async (call: () => Promise<BoardStatus>) => {
    say('');
    try {
      show(await call());
    } catch (error) {
      const ipc = toIpcError(error);
      say(`${t('connect.connect.failed')} ${errorText(ipc)}`);
      const anchor = guideAnchorForMessageKey(ipc.messageKey);
      if (anchor) {
        guideAnchor = anchor;
        helpButton.hidden = false;
        helpButton.dataset.anchor = anchor;
      }
    }
  };
  connectButton.addEventListener('click', () => {
    void act(async () => {
      await chooser.settled();
      return client.call('board.connect', { target: chooser.target() });
    });
  });
  disconnectButton.addEventListener('click', () => {
    void act(() => client.call('board.disconnect', {}));
  });
  helpButton.addEventListener('click', () => {
    if (guideAnchor) openGuide(guideAnchor);
  });
  prepareButton.addEventListener('click', () => {
    const target = last?.target;
    if (target?.kind !== 'serial') return;
    void prepareFlow.run(target.path).then(async (prepared) => {
      // The service reconnects after flashing; ask in case the event crossed the answer.
      if (prepared) show(await client.call('board.status', {}));
      render();
    });
  });

  void chooser.refresh();
  try {
    show(await client.call('board.status', {}));
  } catch (error) {
    console.warn('board status unavailable', error);
  }
};
