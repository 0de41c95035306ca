/**
 * Main-thread side of a behaviour check: one worker thread per scenario (scenario-worker.ts),
 * so its fake clock touches nothing else, and a program stuck in a loop that never awaits
 * (no board call, no wait) is ended by terminating the thread. The next thread is started as
 * soon as one is taken and boots its virtual board meanwhile, so "Comprobar" waits neither for
 * johnny-five and avr8js to load nor for the firmware boot and the Firmata handshake.
 */
import { Worker } from 'node:worker_threads';
import type { ScenarioTrace } from '../../../common/lessons/pin-trace';
import type { ScenarioInput } from './run-scenario';
import type { ScenarioCost, ScenarioMessage } from './scenario-protocol';
import { scenarioWorkerUrl } from './scenario-worker-entry';

/**
 * Real time without a heartbeat after which a scenario counts as stuck: the program loops without
 * ever awaiting, so the thread's event loop never turns. A slow machine still sends heartbeats.
 */
export const STUCK_AFTER_MS = 15_000;
/** Starting a thread loads johnny-five, firmata-io and avr8js: a loaded machine gets longer. */
const STARTUP_BUDGET_MS = 60_000;

export type ScenarioOutcome =
  | { kind: 'trace'; trace: ScenarioTrace; cost: ScenarioCost } | { kind: 'stuck' } | { kind: 'crashed'; detail: string };

/** A started thread booting (or done booting) a board with `flashHex` (unref'd: it never keeps the process alive). */
let spare: { worker: Worker; flashHex: string } | null = null;

const takeWorker = async (flashHex: string): Promise<Worker> => {
  const url = await scenarioWorkerUrl();
  let worker: Worker;
  if (spare?.flashHex === flashHex) worker = spare.worker;
  else {
    if (spare) void spare.worker.terminate();
    worker = new Worker(url, { workerData: { flashHex } });
  }
  const next = { worker: new Worker(url, { workerData: { flashHex } }), flashHex };
  next.worker.unref();
  next.worker.on('error', () => {
    if (spare === next) spare = null;
  });
  spare = next;
  worker.ref();
  return worker;
};

export const runScenarioInWorker = async (
  input: ScenarioInput,
  stuckAfterMs = STUCK_AFTER_MS,
): Promise<ScenarioOutcome> => {
  const worker = await takeWorker(input.flashHex);
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
      } else if (message.type === 'trace') settle({ kind: 'trace', trace: message.trace, cost: message.cost });
      else settle({ kind: 'crashed', detail: message.detail });
    });
    worker.on('error', (error) => settle({ kind: 'crashed', detail: error.stack ?? error.message }));
    worker.on('exit', (code) => settle({ kind: 'crashed', detail: `check thread exited with code ${code}` }));
    worker.postMessage(input);
  });
};
