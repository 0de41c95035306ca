/**
 * The program worker's host code in a Node worker thread (tests and benchmarks): the same
 * renderer/runner/program-host.ts the browser worker runs, with parentPort as its port.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { startProgramHost } from '../../../renderer/runner/program-host';
import type { PageToWorker, WorkerToPage } from '../../../renderer/runner/program-protocol';

const port = parentPort;
if (!port) throw new Error('node-program-worker must run in a worker thread');

startProgramHost(
  {
    postMessage: (message: WorkerToPage) => port.postMessage(message),
    onMessage: (listener: (message: PageToWorker) => void) => port.on('message', listener),
  },
  { now: () => performance.now(), setTimeout: (callback, ms) => setTimeout(callback, ms) },
);
// Not part of the protocol (the runner ignores it): tells tests and benchmarks the host listens.
port.postMessage({ type: 'host-ready' });
