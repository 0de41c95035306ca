/**
 * The board chooser: "Placa virtual" or a detected port with its friendly name, kept current from
 * 'serial.ports' events and, while the list has focus, a 2 s poll of 'serial.listPorts'. A port
 * typed by hand goes through 'serial.addManualPort'. A failing list shows why and leaves the
 * typed path usable.
 */
import type { IpcError } from '../../common/ipc/app-error';
import type { BoardTarget } from '../../common/ipc/contract-board';
import type { SerialPortInfo } from '../../common/ipc/contract-serial';
import { hasMessage } from '../../common/i18n/translate';
import { ChispaCallError, type ChispaClient } from '../ipc/client';
import { errorText, getLocale, onLocaleChange, t } from '../i18n/i18n';
import { h, label } from '../ui/dom';

export const listPollMs = 2000;
const VIRTUAL = 'virtual';

export interface PortChooser {
  root: HTMLElement;
  target(): BoardTarget;
  /** Shows the connected board's target as the choice. */
  select(target: BoardTarget | null): void;
  refresh(): Promise<void>;
  /** Resolves once a typed path being added is in the list (Connect right after Add waits). */
  settled(): Promise<void>;
}

interface Listing {
  ports: SerialPortInfo[];
  problemKey: string | null;
}

const toIpcError = (error: unknown): IpcError =>
  error instanceof ChispaCallError ? error.error : { code: 'internal', messageKey: 'error.internal' };

export const buildPortChooser = (client: ChispaClient, say: (text: string) => void): PortChooser => {
  const choice = h('select', { id: 'board-choice', 'data-testid': 'board-choice' });
  const problem = h('p', { class: 'board-list-problem', 'data-testid': 'board-list-problem', hidden: true });
  const manualInput = h('input', {
    id: 'board-manual-path',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'board-manual-path',
  });
  const manualAdd = label('button', 'connect.manual.add', {
    type: 'submit',
    'data-testid': 'board-manual-add',
  });
  const manualForm = h(
    'form',
    { class: 'board-manual' },
    label('label', 'connect.manual.label', { for: 'board-manual-path' }),
    h('div', { class: 'board-manual-row' }, manualInput, manualAdd),
  );
  const manual = h(
    'details',
    { class: 'board-manual-box', 'data-testid': 'board-manual' },
    label('summary', 'connect.manual.summary'),
    manualForm,
  );
  const root = h(
    'div',
    { class: 'board-chooser' },
    h(
      'div',
      { class: 'board-choice-row' },
      label('label', 'connect.choice.label', { for: 'board-choice' }),
      choice,
    ),
    problem,
    manual,
  );

  let listing: Listing = { ports: [], problemKey: null };
  let listError: IpcError | null = null;
  let chosen = VIRTUAL;
  let adding: Promise<void> = Promise.resolve();

  const portName = (port: SerialPortInfo) =>
    hasMessage(getLocale(), port.labelKey) ? t(port.labelKey) : port.name;
  const render = () => {
    const options = [h('option', { value: VIRTUAL }, t('connect.choice.virtual'))];
    const paths = new Set<string>();
    for (const port of listing.ports) {
      paths.add(port.path);
      options.push(
        h(
          'option',
          { value: port.path },
          t('connect.choice.port', { name: portName(port), path: port.path }),
        ),
      );
    }
    // A chosen port that left the list (cable out) stays chosen: it may come back.
    if (chosen !== VIRTUAL && !paths.has(chosen)) options.push(h('option', { value: chosen }, chosen));
    choice.replaceChildren(...options);
    choice.value = chosen;
    const problemText = listError
      ? errorText(listError)
      : listing.problemKey
        ? t(listing.problemKey)
        : listing.ports.length === 0
          ? t('connect.choice.ports-none')
          : '';
    problem.textContent = problemText;
    problem.hidden = !problemText;
    problem.dataset.tone = listError || listing.problemKey ? 'error' : 'info';
    // With no list, typing the path is the way: open that box.
    if (listError || listing.problemKey) manual.open = true;
  };
  const apply = (next: Listing) => {
    listing = next;
    listError = null;
    render();
  };
  const refresh = async () => {
    try {
      apply(await client.call('serial.listPorts', {}));
    } catch (error) {
      listError = toIpcError(error);
      render();
    }
  };

  choice.addEventListener('change', () => {
    chosen = choice.value;
  });
  // Live while the list is open (focused): ports come and go as cables are plugged.
  let poll: ReturnType<typeof setInterval> | null = null;
  choice.addEventListener('focus', () => {
    void refresh();
    poll ??= setInterval(() => void refresh(), listPollMs);
  });
  choice.addEventListener('blur', () => {
    if (poll) clearInterval(poll);
    poll = null;
  });
  client.on('serial.ports', apply);
  onLocaleChange(render);

  manualForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const path = manualInput.value.trim();
    if (!path) {
      say(t('connect.manual.empty'));
      manualInput.focus();
      return;
    }
    manualAdd.disabled = true;
    adding = client
      .call('serial.addManualPort', { path })
      .then((next) => {
        chosen = path;
        apply(next);
        say(t('connect.manual.added', { path }));
      })
      .catch((error: unknown) => say(errorText(toIpcError(error))))
      .finally(() => {
        manualAdd.disabled = false;
      });
  });

  render();
  return {
    root,
    target: () => (chosen === VIRTUAL ? { kind: 'virtual' } : { kind: 'serial', path: chosen }),
    select(target) {
      if (!target) return;
      chosen = target.kind === 'virtual' ? VIRTUAL : target.path;
      render();
    },
    refresh,
    settled: () => adding,
  };
};
