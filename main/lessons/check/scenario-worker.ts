/**
 * Entry of a behaviour-check thread. Installs ONE fake clock for everything in the thread
 * (setTimeout, setInterval, setImmediate, Date, performance.now, hrtime) BEFORE johnny-five,
 * firmata-io and the program host load, then waits for its one scenario and posts its trace.
 * Only microtask flushing uses the real event loop (a real setImmediate captured first).
 */
import FakeTimers from '@sinonjs/fake-timers';
import { parentPort } from 'node:worker_threads';
import { HEARTBEAT_MS } from './scenario-protocol';
import type { ScenarioInput } from './run-scenario';

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
// Loaded ahead of time: the scenario comes in the first message.
parentPort?.once('message', (input: ScenarioInput) => {
  lastBeat = realNow();
  runScenario(input, clock, yieldToMicrotasks, heartbeat).then(
    (trace) => parentPort?.postMessage({ type: 'trace', trace }),
    (error: unknown) =>
      parentPort?.postMessage({
        type: 'crashed',
        detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
