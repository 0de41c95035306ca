/**
 * Entry of a behaviour-check thread. Installs ONE fake clock for everything in the thread
 * (setTimeout, setInterval, setImmediate, Date, performance.now, hrtime) BEFORE johnny-five,
 * firmata-io and the program host load, boots a board with the firmware it was started with
 * (workerData) while it waits, then serves scenarios one at a time, each on a board booted for
 * it alone: after posting a trace it drops the old board and program, puts the clock back to
 * zero with no timer left, and boots the next board while nobody waits (a fresh thread would
 * start from the same state, minus the cost of loading everything again).
 * Only microtask flushing uses the real event loop (a real setImmediate captured first).
 */
import FakeTimers from '@sinonjs/fake-timers';
import { parentPort, workerData } from 'node:worker_threads';
import { HEARTBEAT_MS, type ScenarioCost } from './scenario-protocol';
import type { ScenarioInput } from './run-scenario';
import { threadCpuMs } from '../../virtual-uno/thread-cpu';

const realSetImmediate = setImmediate;
const realNow = performance.now.bind(performance);
const clock = FakeTimers.install({
  now: 0,
  toFake: [
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'Date',
    'performance',
    'hrtime',
  ],
  loopLimit: 1_000_000,
});
const yieldToMicrotasks = () => new Promise<void>((resolve) => realSetImmediate(resolve));

const { runScenario } = await import('./run-scenario');
const { bootSimBoard } = await import('./sim-board');
// A heartbeat in real time: the parent ends a thread only when these stop (a program looping
// without ever awaiting), never because the machine is slow.
let lastBeat = realNow();
parentPort?.postMessage({ type: 'alive' });
const heartbeat = () => {
  const now = realNow();
  if (now - lastBeat < HEARTBEAT_MS) return;
  lastBeat = now;
  parentPort?.postMessage({ type: 'alive' });
};

/** The board for the next scenario, booting or booted (a failed boot is retried when asked). */
let next: { flashHex: string; board: ReturnType<typeof bootSimBoard> } | null = null;
const bootAhead = (flashHex: string) => {
  next = { flashHex, board: bootSimBoard(flashHex, clock, yieldToMicrotasks, heartbeat) };
  next.board.catch(() => undefined);
};
const boardFor = async (flashHex: string) => {
  const ahead = next?.flashHex === flashHex ? next.board : null;
  next = null;
  return (await ahead?.catch(() => null)) ?? bootSimBoard(flashHex, clock, yieldToMicrotasks, heartbeat);
};

const run = async (input: ScenarioInput) => {
  const board = await boardFor(input.flashHex);
  const cpuBefore = threadCpuMs();
  const simulatedBefore = board.core.simTimeMs;
  const trace = await runScenario(input, board, clock);
  const cpuAfter = threadCpuMs();
  const cost: ScenarioCost = {
    simulatedMs: board.core.simTimeMs - simulatedBefore,
    threadCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
  };
  return { trace, cost };
};

/**
 * After a scenario: the stopped program and the closed board may still have promise callbacks
 * queued, which run now; after that they can only go on from a timer, and resetting the clock
 * removes every timer (and takes its time back to zero, where a new board's core starts).
 */
const startOver = async (flashHex: string) => {
  await yieldToMicrotasks();
  clock.reset();
  bootAhead(flashHex);
};

const bootedHex = (workerData as { flashHex?: string } | null)?.flashHex;
if (bootedHex !== undefined) bootAhead(bootedHex);

let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (input: ScenarioInput) => {
  queue = queue.then(async () => {
    lastBeat = realNow();
    try {
      const { trace, cost } = await run(input);
      parentPort?.postMessage({ type: 'trace', trace, cost });
    } catch (error) {
      parentPort?.postMessage({
        type: 'crashed',
        detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    await startOver(input.flashHex);
  });
});
