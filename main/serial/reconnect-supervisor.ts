/**
 * Safe automatic reconnect: when a serial board is lost, wait for the same board
 * (same path, or same USB serial number on another path) to come back and connect again through
 * the board service, which builds a whole new johnny-five stack. Stops waiting as soon as the
 * user connects something else or disconnects.
 */
import type { BoardStatus, BoardTarget } from '../../common/ipc/contract-board';
import { isSameBoard, recognisePort, type RecognisedPort } from '../../common/serial/recognise-port';
import type { PortWatcher } from './port-watcher';

export interface BoardControl {
  status(): BoardStatus;
  connect(target: BoardTarget): Promise<BoardStatus>;
  disconnect(): Promise<BoardStatus>;
}

export interface ReconnectSupervisor {
  /** Feed every 'board.state' event here. */
  onBoardState(status: BoardStatus): void;
  /** Prepare board takes the port: do not reconnect behind its back. */
  pause(): () => void;
  /** The board we are waiting for, if any. */
  waitingFor(): RecognisedPort | null;
  dispose(): void;
}

export const createReconnectSupervisor = (deps: {
  board: BoardControl;
  watcher: PortWatcher;
  /** Time for a replugged device to settle (udev sets permissions just after it appears). */
  settleMs?: number;
  /** A board that never left the list is reconnected after this long (a glitch, not a replug). */
  glitchMs?: number;
  /** How often to look for the board while waiting (the watcher's own poll may be slower). */
  pollMs?: number;
  onReconnect?: (path: string, status: BoardStatus) => void;
  onError?: (error: unknown) => void;
}): ReconnectSupervisor => {
  let lost: RecognisedPort | null = null;
  /** Seen gone since it was lost: a return is a real replug, not the dying port still listed. */
  let sawAbsent = false;
  let presentSince = 0;
  let poll: NodeJS.Timeout | null = null;
  let pauses = 0;
  let attempting = false;
  let lastKnown = new Map<string, RecognisedPort>();

  const remember = (ports: RecognisedPort[]): void => {
    lastKnown = new Map(ports.map((port) => [port.path, port]));
  };

  const tryReconnect = async (ports: RecognisedPort[]): Promise<void> => {
    const wanted = lost;
    if (!wanted || attempting) return;
    const back = ports.find((port) => isSameBoard(wanted, port));
    if (!back) {
      sawAbsent = true;
      presentSince = 0;
      return;
    }
    presentSince ||= Date.now();
    // Still listed right after the loss: wait for it to vanish, or for a glitch to pass (3 s).
    if (!sawAbsent && Date.now() - presentSince < (deps.glitchMs ?? 3000)) return;
    if (pauses > 0) return;
    attempting = true;
    try {
      await new Promise((resolve) => setTimeout(resolve, deps.settleMs ?? 300));
      if (lost !== wanted || pauses > 0) return;
      stopWaiting();
      const status = await deps.board.connect({ kind: 'serial', path: back.path });
      deps.onReconnect?.(back.path, status);
    } catch (error) {
      deps.onError?.(error);
    } finally {
      attempting = false;
    }
  };

  const stopWaiting = (): void => {
    lost = null;
    if (poll) clearInterval(poll);
    poll = null;
  };

  const unsubscribe = deps.watcher.onChange((listing) => {
    const known = lastKnown;
    remember(listing.ports);
    if (lost) void tryReconnect(listing.ports);
    // Keep serial numbers of ports we saw, so a board lost later can be recognised elsewhere.
    for (const [path, port] of known) if (!lastKnown.has(path)) lastKnown.set(path, port);
  });
  void deps.watcher
    .current()
    .then((listing) => remember(listing.ports))
    .catch(() => undefined);

  return {
    onBoardState(status) {
      const target = status.target;
      if (status.state === 'lost' && target?.kind === 'serial') {
        if (lost?.path === target.path) return;
        stopWaiting();
        lost = lastKnown.get(target.path) ?? recognisePort({ path: target.path }, { manual: true });
        sawAbsent = false;
        presentSince = 0;
        deps.watcher.addManualPath(target.path);
        poll = setInterval(() => {
          void deps.watcher
            .refresh()
            .then((listing) => tryReconnect(listing.ports))
            .catch(() => undefined);
        }, deps.pollMs ?? 500);
        poll.unref();
        return;
      }
      // Any other state means someone chose what happens next (connecting again, idle, ready).
      stopWaiting();
    },
    pause() {
      pauses += 1;
      let done = false;
      return () => {
        if (!done) pauses -= 1;
        done = true;
      };
    },
    waitingFor: () => lost,
    dispose() {
      unsubscribe();
      stopWaiting();
    },
  };
};
