/**
 * The runner's view of the board, over the IPC contract: make sure a board is ready before a
 * program starts (connecting the virtual Uno when no board is connected) and send commands.
 */
import type { BoardCommand, BoardState, BoardStatus } from '../../common/ipc/contract-board';
import { ChispaCallError, type ChispaClient } from '../ipc/client';
import { describeFault } from './runtime-error';
import { BoardCallFailed, BoardNotReady, type RunnerBoard } from './program-runner';

/** States that will not become 'ready' by waiting. */
const deadEnds: readonly BoardState[] = [
  'no-firmware',
  'old-firmware',
  'port-busy',
  'lost',
  'error',
  'flashing',
];

/** How long Run waits for a board to become ready (the virtual Uno boots in well under a second). */
export const prepareTimeoutMs = 20_000;

const notReady = (status: BoardStatus): BoardNotReady =>
  new BoardNotReady(
    status.messageKey
      ? { key: status.messageKey, params: {} }
      : { key: `runner.board.state.${status.state}`, params: {} },
  );

/** Whether Run should connect the virtual board rather than use what is there. */
export const shouldConnectVirtual = (status: BoardStatus): boolean =>
  status.target === null ||
  status.state === 'idle' ||
  (status.target.kind === 'virtual' && deadEnds.includes(status.state));

const toFailure = (error: unknown): BoardCallFailed =>
  new BoardCallFailed(
    error instanceof ChispaCallError ? error.error : { code: 'internal', messageKey: 'error.internal' },
  );

export const createBoardLink = (client: ChispaClient): RunnerBoard => {
  // The last state main announced. 'ready' lets Run skip asking (one round trip less); it is
  // forgotten whenever the bridge drops, since events may have been missed meanwhile. A stale
  // 'ready' can only make the first command fail, which ends the run with a message.
  let known: BoardStatus | null = null;
  client.on('board.state', (status) => {
    known = status;
  });
  client.onConnectionChange(() => {
    known = null;
  });
  return {
    async prepare(signal) {
      if (known?.state === 'ready') return;
      let latest: BoardStatus | null = null;
      let wake: () => void = () => {};
      const unsubscribe = client.on('board.state', (status) => {
        latest = status;
        wake();
      });
      try {
        let status = await client.call('board.status', {});
        if (status.state === 'ready') return;
        if (shouldConnectVirtual(status)) {
          status = await client.call('board.connect', { target: { kind: 'virtual' } });
        } else if (deadEnds.includes(status.state)) {
          throw notReady(status);
        }
        const deadline = Date.now() + prepareTimeoutMs;
        for (let round = 1; ; round++) {
          // Events may cross the connect answer; every second ask again rather than trust order.
          if (round % 4 === 0) {
            status = await client.call('board.status', {});
            latest = null;
          }
          const now: BoardStatus = latest ?? status;
          if (now.state === 'ready') return;
          if (deadEnds.includes(now.state)) throw notReady(now);
          if (signal.aborted) throw new BoardNotReady({ key: 'runner.stopped', params: {} });
          const left = deadline - Date.now();
          if (left <= 0) throw new BoardNotReady({ key: 'runner.error.board-timeout', params: {} });
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.min(left, 250));
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
            signal.addEventListener('abort', () => wake(), { once: true });
          });
        }
      } catch (error) {
        if (error instanceof BoardNotReady) throw error;
        if (error instanceof ChispaCallError)
          throw new BoardNotReady(describeFault({ kind: 'board', error: error.error }));
        throw new BoardNotReady({ key: 'runner.error.board-not-ready', params: {} });
      } finally {
        unsubscribe();
      }
    },
    async command(command: BoardCommand) {
      try {
        const result = await client.call('board.command', { command });
        return result.value;
      } catch (error) {
        throw toFailure(error);
      }
    },
  };
};
