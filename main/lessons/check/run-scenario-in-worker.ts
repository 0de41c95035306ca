/**
 * Main-thread side of a behaviour check: one worker thread per scenario (scenario-worker.ts),
 * so its fake clock touches nothing else, and a program stuck in a loop that never awaits
 * (no board call, no wait) is ended by terminating the thread. The next thread is started as
 * soon as one is taken, so "Comprobar" does not wait for johnny-five and avr8js to load.
 */
import { Worker } from 'node:worker_threads';
import type { ScenarioTrace } from '../../../common/lessons/pin-trace';
import type { ScenarioInput } from './run-scenario';
import type { ScenarioMessage } from './scenario-protocol';
import { scenarioWorkerUrl } from './scenario-worker-entry';

/**
 * Real time without a heartbeat after which a scenario counts as stuck: the program loops without
 * ever awaiting, so the thread's event loop never turns. A slow machine still sends heartbeats.
 */
export const STUCK_AFTER_MS = 15_000;
/** Starting a thread loads johnny-five, firmata-io and avr8js: a loaded machine gets longer. */
const STARTUP_BUDGET_MS = 60_000;

export type ScenarioOutcome = { kind: 'trace'; trace: ScenarioTrace } | { kind: 'stuck' } | { kind: 'crashed'; detail: string };

/** A started thread waiting for its scenario (unref'd: it never keeps the process alive). */
let spare: Worker | null = null;

const takeWorker = async (): Promise<Worker> => {
  const url = await scenarioWorkerUrl();
  const worker = spare ?? new Worker(url);
  spare = new Worker(url);
  spare.unref();
  spare.on('error', () => (spare = null));
  worker.ref();
  return worker;
};

export const runScenarioInWorker = async (
  input: ScenarioInput,
  stuckAfterMs = STUCK_AFTER_MS,
): Promise<ScenarioOutcome> => {
  const worker = await takeWorker();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: ScenarioOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    let timer = setTimeout(() => settle({ kind: 'stuck' }), Math.max(stuckAfterMs, STARTUP_BUDGET_MS));
    worker.on('message', (message: ScenarioMessage) => {
      if (message.type === 'alive') {
        clearTimeout(timer);
        timer = setTimeout(() => settle({ kind: 'stuck' }), stuckAfterMs);
      } else if (message.type === 'trace') settle({ kind: 'trace', trace: message.trace });
      else settle({ kind: 'crashed', detail: message.detail });
    });
    worker.on('error', (error) => settle({ kind: 'crashed', detail: error.stack ?? error.message }));
    worker.on('exit', (code) => settle({ kind: 'crashed', detail: `check thread exited with code ${code}` }));
    worker.postMessage(input);
  });
};
