/**
 * Mounts Run/Stop in the header and the console in the board region, and wires the runner to
 * the editor (code, highlight, errors on blocks) and to board state (a lost board stops the
 * program and says so).
 */
import type { Feature } from '../app/features';
import { applyTranslations, onLocaleChange, t } from '../i18n/i18n';
import { createBoardLink } from './board-link';
import { stopOnBoardLoss } from './board-loss';
import { createWorkerPool } from './browser-worker';
import { buildConsolePanel } from './console-panel';
import { ProgramRunner, type RunEnd } from './program-runner';
import { buildRunControls } from './run-controls';
import { wireRunShortcuts } from './run-shortcuts';
import type { FriendlyMessage } from './runtime-error';

const endMessages: Record<Exclude<RunEnd['reason'], 'error'>, string> = {
  done: 'runner.end.done',
  stopped: 'runner.end.stopped',
  'board-lost': 'runner.end.board-lost',
};

export const runnerFeature: Feature = ({ client, frame, shared }) => {
  const controls = buildRunControls();
  frame.toolbar.append(controls.root);
  const consolePanel = buildConsolePanel();
  frame.regions.board.append(consolePanel.root);
  applyTranslations(controls.root);
  applyTranslations(consolePanel.root);
  const workers = createWorkerPool();
  workers.warm();
  const runner = new ProgramRunner({
    createWorker: () => workers.take(),
    board: createBoardLink(client),
    log: (message, error) => console.warn(message, error),
  });
  controls.setState(runner.state);

  // The error on a block stays (and follows the language) until the next Run.
  let blockError: { blockId: string; message: FriendlyMessage } | null = null;
  const showBlockError = () => {
    if (blockError)
      shared.editor?.showBlockError(blockError.blockId, t(blockError.message.key, blockError.message.params));
  };
  onLocaleChange(showBlockError);

  // Run is also off while a board is being prepared (board-connect tells through shared).
  const applyState = () => {
    controls.setState(runner.state);
    if (shared.boardFlashing?.isFlashing()) controls.runButton.disabled = true;
  };
  shared.boardFlashing?.onChange(applyState);
  // Main marks the serial port as running, so Prepare board cannot take it mid-program.
  let marked = false;
  const markRunning = (running: boolean) => {
    if (marked === running) return;
    marked = running;
    client.call('board.setRunning', { running }).catch((error) => console.warn('board.setRunning', error));
  };

  runner.listen({
    state: (state) => {
      applyState();
      if (state === 'running') markRunning(true);
      if (state === 'idle') markRunning(false);
    },
    highlight: (blockId) => shared.editor?.highlightBlock(blockId),
    print: (lines, dropped) => consolePanel.append(lines, dropped),
    end: (end) => {
      if (end.reason !== 'error') {
        controls.say({ key: endMessages[end.reason], params: {} });
        return;
      }
      controls.say(end.message, 'error');
      if (end.blockId) {
        blockError = { blockId: end.blockId, message: end.message };
        showBlockError();
      }
    },
  });

  controls.runButton.addEventListener('click', () => {
    const editor = shared.editor;
    if (!editor) {
      controls.say({ key: 'runner.error.no-editor', params: {} }, 'error');
      return;
    }
    blockError = null;
    editor.showBlockError(null);
    controls.say(null);
    let code: string;
    try {
      code = editor.generateProgram();
    } catch (error) {
      console.warn('code generation failed', error);
      controls.say({ key: 'runner.error.syntax', params: {} }, 'error');
      return;
    }
    if (code.trim() === '') {
      controls.say({ key: 'runner.hint.empty-program', params: {} });
      return;
    }
    void runner.run(code);
  });
  controls.stopButton.addEventListener('click', () => runner.stop());
  // A new project starts on a quiet board: the program (if any) stops and every output goes off.
  shared.editor?.onNewProject(() => runner.stop());
  wireRunShortcuts(controls);

  stopOnBoardLoss(client, runner);
};
