/**
 * The page side of the runner. One worker per run: Run starts it, Stop terminates it at once
 * (whatever the program is doing, even `while (true) {}`). The board goes quiet (every output
 * off) when the program ends, however it ends, and Stop switches it off even when no program
 * runs any more. Board calls from the worker are forwarded to main; a failed call ends the
 * program with a message on the block that made it. No DOM here: the worker and the board are
 * injected, so the same code runs in Chromium and in Node (tests, benchmarks).
 */
import type { IpcError } from '../../common/ipc/app-error';
import type { BoardCommand } from '../../common/ipc/contract-board';
import { type PageToWorker, type ProgramFault, type WorkerToPage } from './program-protocol';
import { createWorkerMessageGuard, type WorkerMessageGuard } from './worker-message-guard';
import { describeFault, type FriendlyMessage } from './runtime-error';

export interface ProgramWorker {
  postMessage(message: PageToWorker): void;
  terminate(): void;
  onMessage(listener: (data: unknown) => void): void;
  /** The worker script failed to load or crashed outside the program. */
  onFailure(listener: (detail: string) => void): void;
}

/** A board call failed with an IPC error value. */
export class BoardCallFailed extends Error {
  constructor(readonly error: IpcError) {
    super(error.code);
    this.name = 'BoardCallFailed';
  }
}

/** Raised by prepare() when the board cannot run programs now; `message` says why. */
export class BoardNotReady extends Error {
  constructor(readonly friendly: FriendlyMessage) {
    super(friendly.key);
    this.name = 'BoardNotReady';
  }
}

export interface RunnerBoard {
  /** Resolves when a board is ready to run programs (connects the virtual one if needed). */
  prepare(signal: AbortSignal): Promise<void>;
  /** Sends one command; rejects with BoardCallFailed. */
  command(command: BoardCommand): Promise<number | null>;
}

export type RunnerState = 'idle' | 'preparing' | 'running';

/** Board call errors that mean there is no board any more (not a problem with the block). */
export const boardGoneCodes: readonly string[] = ['board.not-connected'];

export type RunEnd =
  | { reason: 'done' }
  | { reason: 'stopped' }
  | { reason: 'board-lost' }
  /** The program or the board failed; blockId is where (null when no block ran yet). */
  | { reason: 'error'; blockId: string | null; message: FriendlyMessage };

export interface RunnerListener {
  state?(state: RunnerState): void;
  highlight?(blockId: string | null): void;
  print?(lines: string[], dropped: number): void;
  end?(end: RunEnd): void;
  /** Timing hook for benchmarks: a board command left the page. */
  command?(command: BoardCommand): void;
}

export class ProgramRunner {
  private current: {
    worker: ProgramWorker | null;
    abort: AbortController;
    guard: WorkerMessageGuard;
  } | null = null;
  private stateValue: RunnerState = 'idle';
  private readonly listeners = new Set<RunnerListener>();

  constructor(
    private readonly options: {
      createWorker: () => ProgramWorker;
      board: RunnerBoard;
      /** Where safe-off failures go (they must not hide the reason the program ended). */
      log?: (message: string, error: unknown) => void;
    },
  ) {}

  get state(): RunnerState {
    return this.stateValue;
  }

  listen(listener: RunnerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a program (the body of `async function program(api)`). Ignored while one runs. */
  async run(code: string): Promise<void> {
    if (this.current) return;
    const run = {
      worker: null as ProgramWorker | null,
      abort: new AbortController(),
      guard: createWorkerMessageGuard(),
    };
    this.current = run;
    this.setState('preparing');
    try {
      await this.options.board.prepare(run.abort.signal);
    } catch (error) {
      if (this.current !== run) return;
      const message =
        error instanceof BoardNotReady ? error.friendly : { key: 'runner.error.board-not-ready', params: {} };
      this.finish(run, { reason: 'error', blockId: null, message });
      return;
    }
    if (this.current !== run) return;
    const worker = this.options.createWorker();
    run.worker = worker;
    worker.onMessage((data) => this.onWorkerMessage(run, data));
    worker.onFailure((detail) => {
      if (this.current !== run) return;
      this.finish(run, {
        reason: 'error',
        blockId: null,
        message: { key: 'runner.error.worker', params: { detail } },
      });
    });
    this.setState('running');
    worker.postMessage({ type: 'start', code });
  }

  /** Ends the program now and leaves the board quiet. Safe to call at any time, also when idle. */
  stop(reason: 'stopped' | 'board-lost' = 'stopped'): void {
    if (this.current) this.finish(this.current, { reason });
    else if (reason === 'stopped') this.switchOff();
  }

  private onWorkerMessage(run: NonNullable<ProgramRunner['current']>, data: unknown): void {
    if (this.current !== run) return;
    const accepted = run.guard.accept(data, performance.now());
    if (!accepted) return;
    const message: WorkerToPage = accepted;
    switch (message.type) {
      case 'call':
        this.forward(run, message.id, message.command, message.blockId);
        break;
      case 'highlight':
        this.emit((listener) => listener.highlight?.(message.blockId));
        break;
      case 'print':
        this.emit((listener) => listener.print?.(message.lines, message.dropped + run.guard.takeDropped()));
        break;
      case 'done':
        this.finish(run, { reason: 'done' });
        break;
      case 'fault':
        this.fail(run, message.fault, message.blockId);
        break;
    }
  }

  private forward(
    run: NonNullable<ProgramRunner['current']>,
    id: number,
    command: BoardCommand,
    blockId: string | null,
  ) {
    this.emit((listener) => listener.command?.(command));
    this.options.board.command(command).then(
      (value) => {
        if (this.current === run) run.worker?.postMessage({ type: 'reply', id, value });
      },
      (error: unknown) => {
        if (this.current !== run) return;
        const ipcError: IpcError =
          error instanceof BoardCallFailed ? error.error : { code: 'internal', messageKey: 'error.internal' };
        // The board went away under the program: same ending as the board.state 'lost' event,
        // whichever of the two reaches the page first.
        if (boardGoneCodes.includes(ipcError.code)) this.finish(run, { reason: 'board-lost' });
        else this.fail(run, { kind: 'board', error: ipcError }, blockId);
      },
    );
  }

  private fail(run: NonNullable<ProgramRunner['current']>, fault: ProgramFault, blockId: string | null) {
    this.finish(run, { reason: 'error', blockId, message: describeFault(fault) });
  }

  /** Terminates the worker first (that is what makes Stop immediate), then switches outputs off. */
  private finish(run: NonNullable<ProgramRunner['current']>, end: RunEnd) {
    run.worker?.terminate();
    run.abort.abort();
    this.current = null;
    this.setState('idle');
    this.emit((listener) => listener.highlight?.(null));
    this.emit((listener) => listener.end?.(end));
    // A lost board has nobody to tell; a run that never started left nothing on (unless Stopped).
    if (end.reason !== 'board-lost' && (run.worker || end.reason === 'stopped')) this.switchOff();
  }

  private switchOff(): void {
    this.options.board
      .command({ op: 'allOff' })
      .catch((error: unknown) => this.options.log?.('allOff failed', error));
  }

  private setState(state: RunnerState): void {
    if (this.stateValue === state) return;
    this.stateValue = state;
    this.emit((listener) => listener.state?.(state));
  }

  private emit(call: (listener: RunnerListener) => void): void {
    for (const listener of this.listeners) call(listener);
  }
}
