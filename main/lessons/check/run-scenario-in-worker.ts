/**
 * Main-thread side of a behaviour check, on a check thread (scenario-worker.ts) with its own fake
 * clock, so it touches nothing else; a program stuck in a loop that never awaits (no board call,
 * no wait) is ended by terminating the thread. A thread that answered boots a fresh board for
 * the next check right after (while the child reads the answer) and waits idle for it, so
 * "Comprobar" waits neither for johnny-five and avr8js to load, nor for the firmware boot and the
 * Firmata handshake, nor shares the CPU with a board booting meanwhile. A thread that was ended
 * is replaced after its answer, the same way.
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
/**
 * Scenarios one thread serves before a fresh one replaces it: johnny-five keeps every board it
 * made in a module-level list, so a thread's memory grows a little with each.
 */
export const SCENARIOS_PER_THREAD = 40;

export type ScenarioOutcome =
  | { kind: 'trace'; trace: ScenarioTrace; cost: ScenarioCost }
  | { kind: 'stuck' }
  | { kind: 'crashed'; detail: string };

interface CheckThread {
  worker: Worker;
  flashHex: string;
  served: number;
}

/** The thread waiting for the next scenario, its board booting or booted (unref'd: it never keeps the process alive). */
let idle: CheckThread | null = null;

const startThread = async (flashHex: string): Promise<CheckThread> => {
  const thread: CheckThread = {
    worker: new Worker(await scenarioWorkerUrl(), { workerData: { flashHex } }),
    flashHex,
    served: 0,
  };
  const forget = () => {
    if (idle === thread) idle = null;
  };
  thread.worker.on('error', forget);
  thread.worker.on('exit', forget);
  return thread;
};

const takeThread = async (flashHex: string): Promise<CheckThread> => {
  const thread = idle;
  idle = null;
  if (thread?.flashHex === flashHex) return thread;
  if (thread) void thread.worker.terminate();
  return startThread(flashHex);
};

/** Keeps the thread for the next check when it may serve more, else ends it and starts another. */
const release = (thread: CheckThread, reusable: boolean): void => {
  if (reusable && idle === null && thread.served < SCENARIOS_PER_THREAD) {
    thread.worker.unref();
    idle = thread;
    return;
  }
  void thread.worker.terminate();
  if (idle === null) {
    startThread(thread.flashHex).then(
      (fresh) => {
        fresh.worker.unref();
        if (idle === null) idle = fresh;
        else void fresh.worker.terminate();
      },
      () => undefined, // the next check starts its own thread and reports what fails
    );
  }
};

export const runScenarioInWorker = async (
  input: ScenarioInput,
  stuckAfterMs = STUCK_AFTER_MS,
): Promise<ScenarioOutcome> => {
  const thread = await takeThread(input.flashHex);
  const { worker } = thread;
  worker.ref();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: ScenarioOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      thread.served++;
      resolve(outcome);
      release(thread, outcome.kind === 'trace');
    };
    let timer = setTimeout(() => settle({ kind: 'stuck' }), Math.max(stuckAfterMs, STARTUP_BUDGET_MS));
    const onMessage = (message: ScenarioMessage) => {
      if (message.type === 'alive') {
        clearTimeout(timer);
        timer = setTimeout(() => settle({ kind: 'stuck' }), stuckAfterMs);
      } else if (message.type === 'trace') settle({ kind: 'trace', trace: message.trace, cost: message.cost });
      else settle({ kind: 'crashed', detail: message.detail });
    };
    const onError = (error: Error) => settle({ kind: 'crashed', detail: error.stack ?? error.message });
    const onExit = (code: number) => settle({ kind: 'crashed', detail: `check thread exited with code ${code}` });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(input);
  });
};
