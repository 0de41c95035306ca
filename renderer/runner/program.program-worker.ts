/**
 * Entry of the program worker (bundled as dist/renderer/program.program-worker.js and served
 * with a CSP that allows eval and no network). It only adapts the worker scope to the host.
 */
import type { PageToWorker, WorkerToPage } from './program-protocol';
import { startProgramHost } from './program-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;

startProgramHost(
  {
    postMessage: (message: WorkerToPage) => scope.postMessage(message),
    onMessage: (listener) => {
      scope.onmessage = (event: MessageEvent<PageToWorker>) => listener(event.data);
    },
  },
  { now: () => performance.now(), setTimeout: (callback, ms) => setTimeout(callback, ms) },
);
