/**
 * Entry of a behaviour-check thread. Installs ONE fake clock for everything in the thread
 * (setTimeout, setInterval, setImmediate, Date, performance.now, hrtime) BEFORE johnny-five,
 * firmata-io and the program host load, boots the board with the firmware it was started with
 * (workerData) while it waits, then runs its one scenario and posts its trace.
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
const bootedHex = (workerData as { flashHex?: string } | null)?.flashHex;
// Booted ahead of time (the scenario comes in the first message); a failed boot is retried then.
const booted = bootedHex === undefined ? null : bootSimBoard(bootedHex, clock, yieldToMicrotasks, heartbeat);
booted?.catch(() => undefined);

const run = async (input: ScenarioInput) => {
  const board =
    input.flashHex === bootedHex && booted
      ? await booted.catch(() => bootSimBoard(input.flashHex, clock, yieldToMicrotasks, heartbeat))
      : await bootSimBoard(input.flashHex, clock, yieldToMicrotasks, heartbeat);
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

parentPort?.once('message', (input: ScenarioInput) => {
  lastBeat = realNow();
  run(input).then(
    ({ trace, cost }) => parentPort?.postMessage({ type: 'trace', trace, cost }),
    (error: unknown) =>
      parentPort?.postMessage({
        type: 'crashed',
        detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
