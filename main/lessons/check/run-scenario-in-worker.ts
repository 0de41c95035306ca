/**
 * Main-thread side of a behaviour check: one worker thread per scenario (scenario-worker.ts),
 * so its fake clock touches nothing else, and a program stuck in a loop that never awaits
 * (no board call, no wait) is ended by terminating the thread.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScenarioTrace } from '../../../common/lessons/pin-trace';
import type { ScenarioInput } from './run-scenario';
import type { ScenarioMessage } from './scenario-protocol';

/**
 * Real time without a heartbeat after which a scenario counts as stuck: the program loops without
 * ever awaiting, so the thread's event loop never turns. A slow machine still sends heartbeats.
 */
export const STUCK_AFTER_MS = 15_000;
/** Starting a thread loads johnny-five, firmata-io and avr8js: a loaded machine gets longer. */
const STARTUP_BUDGET_MS = 60_000;

export type ScenarioOutcome = { kind: 'trace'; trace: ScenarioTrace } | { kind: 'stuck' } | { kind: 'crashed'; detail: string };

/** From the built bundle: scenario-worker.js beside it; from .ts sources: through tsx's ESM hooks. */
const createScenarioWorker = (input: ScenarioInput): Worker => {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./scenario-worker.js', import.meta.url), { workerData: input });
  }
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsxApi = pathToFileURL(tsxPackage.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./scenario-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: input });
};

export const runScenarioInWorker = (input: ScenarioInput, stuckAfterMs = STUCK_AFTER_MS): Promise<ScenarioOutcome> =>
  new Promise((resolve) => {
    const worker = createScenarioWorker(input);
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
  });
