/**
 * The one interface the app uses for "a board" (docs/architecture.md, "The board path"): connect a transport (virtual Uno
 * or serial port), report readiness as typed states, run the program API's operations, forward
 * virtual pin snapshots. Every connect builds a fresh johnny-five stack; every failure ends in a
 * typed state within the handshake budget, never in a hang or an unhandled rejection.
 */
import { AppError } from '../../common/ipc/app-error';
import type {
  BoardCommand,
  BoardState,
  BoardStatus,
  BoardTarget,
  VirtualInput,
} from '../../common/ipc/contract-board';
import type { EventHub } from '../app/event-hub';
import type { Logger } from '../app/logger';
import { BoardSession } from './board-session';
import type { BoardTransportFactory, OpenedBoardTransport, VirtualBoardControls } from './board-transport';
import { classifyFirmware } from './chispa-firmware';
import { handshakeStatus } from './handshake-status';
import { connectJohnnyFive, type JohnnyFiveStack } from './johnny-five-stack';
import { createVirtualTransportFactory } from './virtual-transport';

export interface BoardServiceOptions {
  events: EventHub;
  logger: Logger;
  /** The kit firmware (firmware/chispa-firmata.hex); the virtual Uno runs it. */
  firmwareHexPath: string;
  /** Transport sources by target kind. Default: 'virtual' = the virtual Uno; 'serial' unset. */
  transports?: Partial<Record<BoardTarget['kind'], BoardTransportFactory>>;
  /**
   * Handshake budget in ms of board time, per phase (see johnny-five-stack.ts): until the board
   * reports its version (default 4000: a silent board is "no firmware" within 5 s of plugging in),
   * then again from that version for the rest. Opening itself is bounded separately (openTimeoutMs).
   */
  handshakeBudgetMs?: number;
  /** Opening the transport (a port, or starting the virtual Uno's worker); default 10 s. */
  openTimeoutMs?: number;
}

export interface BoardService {
  status(): BoardStatus;
  connect(target: BoardTarget): Promise<BoardStatus>;
  disconnect(): Promise<BoardStatus>;
  command(command: BoardCommand): Promise<{ value: number | null }>;
  virtualInput(input: VirtualInput): void;
  /** Plugs a transport source (main/serial registers 'serial'). */
  setTransportFactory(kind: BoardTarget['kind'], factory: BoardTransportFactory): void;
  /** The live johnny-five stack and session, for diagnostics and tests; null when not connected. */
  inspect(): { stack: JohnnyFiveStack; session: BoardSession; virtual: VirtualBoardControls | null } | null;
  dispose(): Promise<void>;
}

interface Connection {
  target: BoardTarget;
  opened: OpenedBoardTransport;
  stack: JohnnyFiveStack;
  session: BoardSession;
  unsubscribe: Array<() => void>;
}

const DEFAULT_HANDSHAKE_BUDGET_MS = 4000;
/** A serial port opens in milliseconds; the virtual Uno's worker can take seconds on a loaded PC. */
const DEFAULT_OPEN_TIMEOUT_MS = 10_000;

const IDLE: BoardStatus = {
  state: 'idle',
  target: null,
  firmware: null,
  messageKey: null,
  canPrepare: false,
};

export const createBoardService = (options: BoardServiceOptions): BoardService => {
  const { events, logger } = options;
  const handshakeBudgetMs = options.handshakeBudgetMs ?? DEFAULT_HANDSHAKE_BUDGET_MS;
  const openTimeoutMs = options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
  const factories: Partial<Record<BoardTarget['kind'], BoardTransportFactory>> = {
    virtual: createVirtualTransportFactory({ firmwareHexPath: options.firmwareHexPath }),
    ...options.transports,
  };
  let status: BoardStatus = IDLE;
  let connection: Connection | null = null;
  /** Bumped on every connect/disconnect so late callbacks of an old connection do nothing. */
  let generation = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  /** Ends a handshake in progress at once (disconnect or dispose while connecting). */
  let cancelHandshake: (() => void) | null = null;

  const setStatus = (next: BoardStatus): BoardStatus => {
    status = next;
    events.emit('board.state', next);
    return next;
  };

  const failed = (target: BoardTarget, state: BoardState, messageKey: string): BoardStatus =>
    setStatus({
      state,
      target,
      firmware: null,
      messageKey,
      canPrepare: target.kind === 'serial' && state === 'no-firmware',
    });

  /** Runs connect/disconnect one at a time. */
  const serialise = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const closeConnection = async (): Promise<void> => {
    const current = connection;
    connection = null;
    generation++;
    if (!current) return;
    for (const unsubscribe of current.unsubscribe) unsubscribe();
    current.session.close();
    current.stack.teardown();
    await current.opened
      .close()
      .catch((error: unknown) => logger.warn('board: closing the transport failed', error));
  };

  const onLost = (myGeneration: number, reason: Error) => {
    if (myGeneration !== generation || !connection) return;
    logger.warn('board: connection lost', reason);
    const target = connection.target;
    void serialise(async () => {
      if (myGeneration !== generation) return;
      await closeConnection();
      failed(target, 'lost', 'board.error.lost');
    });
  };

  const openTransport = (factory: BoardTransportFactory, target: BoardTarget, timeoutMs: number) =>
    new Promise<OpenedBoardTransport>((resolve, reject) => {
      let done = false;
      const timer = setTimeout(() => {
        done = true;
        reject(new AppError('board.open-timeout', { messageKey: 'board.error.open-timeout' }));
      }, timeoutMs);
      factory(target).then(
        (opened) => {
          clearTimeout(timer);
          if (done)
            void opened.close().catch(() => undefined); // too late: nobody will use it
          else resolve(opened);
          done = true;
        },
        (error: unknown) => {
          clearTimeout(timer);
          done = true;
          reject(error);
        },
      );
    });

  const connect = async (target: BoardTarget): Promise<BoardStatus> => {
    await closeConnection();
    if (disposed) return setStatus(IDLE);
    const myGeneration = generation;
    setStatus({ state: 'connecting', target, firmware: null, messageKey: null, canPrepare: false });
    const factory = factories[target.kind];
    if (!factory) return failed(target, 'error', 'board.error.no-transport');

    let opened: OpenedBoardTransport;
    try {
      opened = await openTransport(factory, target, openTimeoutMs);
    } catch (error) {
      logger.warn(`board: opening ${target.kind} failed`, error);
      if (error instanceof AppError) {
        return failed(target, error.code === 'board.port-busy' ? 'port-busy' : 'error', error.messageKey);
      }
      return failed(target, 'error', 'board.error.open-failed');
    }

    let lostResolve: (reason: Error) => void = () => undefined;
    const lost = new Promise<Error>((resolve) => (lostResolve = resolve));
    const stopLost = opened.onLost((reason) => lostResolve(reason));
    let cancelled = false;
    cancelHandshake = () => {
      cancelled = true;
      lostResolve(new Error('connection cancelled'));
    };
    const result = await connectJohnnyFive(opened.stream, {
      timeoutMs: handshakeBudgetMs,
      boardTimeMs: opened.boardTimeMs,
      logger,
      lost,
    });
    cancelHandshake = null;
    if (!result.ok || cancelled || disposed || myGeneration !== generation) {
      stopLost();
      let final = status;
      if (cancelled || disposed) {
        if (result.ok) result.stack.teardown();
        final = setStatus(IDLE);
      } else if (result.ok) {
        result.stack.teardown();
      } else {
        // Announce first: closing (stopping a worker, releasing a port) can take a while.
        logger.warn(`board: handshake with ${target.kind} failed: ${result.reason}`);
        final = setStatus(handshakeStatus(target, result));
      }
      await opened
        .close()
        .catch((error: unknown) => logger.warn('board: closing the transport failed', error));
      return final;
    }

    const { stack } = result;
    const kind = stack.firmware ? classifyFirmware(stack.firmware) : 'other-firmata';
    const session = new BoardSession(stack, { chispaFirmware: kind !== 'other-firmata' });
    stopLost();
    const unsubscribe = [opened.onLost((reason) => onLost(myGeneration, reason))];
    if (opened.virtual)
      unsubscribe.push(opened.virtual.onPins((snapshot) => events.emit('board.pins', snapshot)));
    const onRestart = () => {
      logger.warn('board: the board restarted (announced itself again); pins set up anew on next use');
      session.boardRestarted();
    };
    stack.io.on('reportversion', onRestart);
    unsubscribe.push(() => stack.io.removeListener('reportversion', onRestart));
    connection = { target, opened, stack, session, unsubscribe };

    const ended = handshakeStatus(target, { ok: true, firmware: stack.firmware });
    logger.info(
      `board: ${target.kind} ready, firmware ${ended.firmware?.name ?? '?'} ${ended.firmware?.version ?? ''}`,
    );
    return setStatus(ended);
  };

  return {
    status: () => status,
    connect: (target) => serialise(() => connect(target)),
    disconnect: () => {
      cancelHandshake?.();
      return serialise(async () => {
        await closeConnection();
        return setStatus(IDLE);
      });
    },
    async command(command) {
      const current = connection;
      if (!current || (status.state !== 'ready' && status.state !== 'old-firmware')) {
        throw new AppError('board.not-connected', { messageKey: 'board.error.not-connected' });
      }
      return { value: await current.session.run(command) };
    },
    virtualInput(input) {
      const virtual = connection?.opened.virtual;
      if (!virtual) throw new AppError('board.not-virtual', { messageKey: 'board.error.not-virtual' });
      virtual.input(input);
    },
    setTransportFactory(kind, factory) {
      factories[kind] = factory;
    },
    inspect: () =>
      connection
        ? { stack: connection.stack, session: connection.session, virtual: connection.opened.virtual ?? null }
        : null,
    async dispose() {
      if (disposed) return;
      disposed = true;
      cancelHandshake?.();
      await serialise(closeConnection);
      status = IDLE;
    },
  };
};
