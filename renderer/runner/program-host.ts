/**
 * The worker side of the runner: compiles the generated program body into an async function
 * and runs it against a ProgramApi whose board calls are requests to the page. Highlights and
 * prints are rate-limited synchronously, so even `while (true) { … }` with no await posts a
 * bounded number of messages and the page stays responsive. Nothing here touches the DOM.
 */
import type { ProgramApi } from '../../common/program/program-api';
import { formatPrint, ProgramValueError, toBoardCommand, waitMs, type BoardOpName } from './board-op';
import type { MessagePortLike, PageToWorker, ProgramFault, WorkerToPage } from './program-protocol';
import { RateGate } from './rate-gate';

/** At most this many highlight or print messages per second reach the page. */
export const messagesPerSecond = 20;
/** Lines kept while waiting for the next print slot (older ones are counted as dropped). */
export const maxBufferedLines = 200;
/** Longest line print() sends. */
export const maxLineLength = 500;
/**
 * Outputs (writes) do not wait for the board's answer, like digitalWrite on an Arduino takes
 * microseconds: a blink keeps its rhythm whatever the IPC round trip costs. At most this many
 * may be unanswered; the next write then waits for a slot, so a loop of writes with no wait
 * cannot flood the page or the board. Reads always wait for their own answer (which comes after
 * every earlier write: the page and main keep order). A failed write ends the program from the
 * page side, on the block that made it.
 */
export const maxWritesInFlight = 8;
/**
 * Board calls a program makes per second at most (after a short burst). A loop with no wait
 * would otherwise make over ten thousand a second at Node speed, and the board's own reports
 * (a button press) would queue behind them; at this pace it runs the same in Chromium and
 * headless, and still far faster than a board input changes or the link carries writes.
 */
export const maxBoardCallsPerSecond = 1000;
/** Calls that may go back to back before the pace applies. */
export const boardCallBurst = 20;

export interface HostClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
}

/** Names a program could use to step outside its API; they are shadowed by undefined parameters. */
const shadowedGlobals = [
  'self',
  'globalThis',
  'postMessage',
  'onmessage',
  'close',
  'importScripts',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'Worker',
  'indexedDB',
  'caches',
];

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...params: string[]
) => (...args: unknown[]) => Promise<unknown>;

/** Fault for anything a running program throws. */
export const faultOf = (error: unknown): ProgramFault => {
  if (error instanceof ProgramValueError) return { kind: 'invalid', key: error.key, params: error.params };
  if (error instanceof Error) return { kind: 'exception', name: error.name, detail: error.message };
  return { kind: 'exception', name: 'Error', detail: formatPrint(error) };
};

export const startProgramHost = (port: MessagePortLike<PageToWorker, WorkerToPage>, clock: HostClock) => {
  const pending = new Map<number, (value: number | null) => void>();
  let nextId = 1;
  let currentBlock: string | null = null;
  let sentBlock: string | null = null;
  let highlightTimer = false;
  const highlightGate = new RateGate(1000 / messagesPerSecond);
  let lines: string[] = [];
  let dropped = 0;
  let printTimer = false;
  const printGate = new RateGate(1000 / messagesPerSecond);
  let startedAt = 0;
  let started = false;
  let finished = false;

  const sendHighlight = () => {
    if (finished || sentBlock === currentBlock) return;
    sentBlock = currentBlock;
    port.postMessage({ type: 'highlight', blockId: currentBlock });
  };
  const flushPrints = () => {
    if (finished || (lines.length === 0 && dropped === 0)) return;
    port.postMessage({ type: 'print', lines, dropped });
    lines = [];
    dropped = 0;
  };

  const callSpacingMs = 1000 / maxBoardCallsPerSecond;
  let nextCallAt = Number.NEGATIVE_INFINITY;
  /** Resolves when the next board call may go (at once during a burst). */
  const paced = (): Promise<void> | null => {
    const now = clock.now();
    nextCallAt = Math.max(nextCallAt, now - boardCallBurst * callSpacingMs) + callSpacingMs;
    const wait = nextCallAt - now;
    return wait > 0 ? new Promise((resolve) => clock.setTimeout(resolve, wait)) : null;
  };

  const boardCall = async (op: BoardOpName, args: unknown[]): Promise<number | null> => {
    const command = toBoardCommand(op, args);
    await paced();
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      port.postMessage({ type: 'call', id, command, blockId: currentBlock });
    });
  };

  let writesInFlight = 0;
  const slotWaiters: Array<() => void> = [];
  const drainWaiters: Array<() => void> = [];
  /** Resolves when every write was answered (a failed one never is: the page ends the run). */
  const writesDrained = () =>
    writesInFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => drainWaiters.push(resolve));
  const boardWrite = async (op: BoardOpName, args: unknown[]): Promise<void> => {
    const command = toBoardCommand(op, args);
    await paced();
    while (writesInFlight >= maxWritesInFlight)
      await new Promise<void>((resolve) => slotWaiters.push(resolve));
    writesInFlight++;
    const id = nextId++;
    pending.set(id, () => {
      writesInFlight--;
      slotWaiters.shift()?.();
      if (writesInFlight === 0) for (const drained of drainWaiters.splice(0)) drained();
    });
    port.postMessage({ type: 'call', id, command, blockId: currentBlock });
  };

  const api: ProgramApi = {
    digitalWrite: (...args) => boardWrite('digitalWrite', args),
    pwmWrite: (...args) => boardWrite('pwmWrite', args),
    digitalRead: async (...args) => ((await boardCall('digitalRead', args)) ? 1 : 0),
    analogRead: async (...args) => (await boardCall('analogRead', args)) ?? 0,
    servoWrite: (...args) => boardWrite('servoWrite', args),
    tone: (...args) => boardWrite('tone', args),
    noTone: (...args) => boardWrite('noTone', args),
    readDistance: async (...args) => (await boardCall('readDistance', args)) ?? 0,
    wait: (ms) => new Promise((resolve) => clock.setTimeout(resolve, waitMs(ms))),
    millis: () => Math.round(clock.now() - startedAt),
    print(value) {
      const text = formatPrint(value);
      lines.push(text.length > maxLineLength ? `${text.slice(0, maxLineLength - 1)}…` : text);
      if (lines.length > maxBufferedLines) {
        dropped += lines.length - maxBufferedLines;
        lines = lines.slice(-maxBufferedLines);
      }
      if (printGate.tryPass(clock.now())) flushPrints();
      else if (!printTimer) {
        printTimer = true;
        clock.setTimeout(() => {
          printTimer = false;
          printGate.tryPass(clock.now());
          flushPrints();
        }, printGate.waitFor(clock.now()));
      }
    },
    highlight(blockId) {
      currentBlock = typeof blockId === 'string' ? blockId : null;
      if (highlightGate.tryPass(clock.now())) sendHighlight();
      else if (!highlightTimer) {
        highlightTimer = true;
        clock.setTimeout(() => {
          highlightTimer = false;
          highlightGate.tryPass(clock.now());
          sendHighlight();
        }, highlightGate.waitFor(clock.now()));
      }
    },
  };
  const finish = (message: WorkerToPage) => {
    flushPrints();
    finished = true;
    port.postMessage(message);
  };

  const run = async (code: string) => {
    let program: (...args: unknown[]) => Promise<unknown>;
    try {
      program = new AsyncFunction('api', ...shadowedGlobals, code);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      finish({ type: 'fault', fault: { kind: 'syntax', detail }, blockId: null });
      return;
    }
    startedAt = clock.now();
    try {
      await program.call(undefined, api);
      // 'done' only once the board took every output, so a failed last write is still reported.
      await writesDrained();
      finish({ type: 'done' });
    } catch (error) {
      finish({ type: 'fault', fault: faultOf(error), blockId: currentBlock });
    }
  };

  port.onMessage((message) => {
    if (message.type === 'start') {
      if (started) return;
      started = true;
      void run(message.code);
      return;
    }
    const resolve = pending.get(message.id);
    if (!resolve) return;
    pending.delete(message.id);
    resolve(message.value);
  });
};
