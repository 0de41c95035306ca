/** ProgramWorker over a Node worker thread running the real host code (see node-program-worker.ts). */
import { Worker } from 'node:worker_threads';
import type { ProgramWorker } from '../../../renderer/runner/program-runner';

const entry = new URL('./node-program-worker.mjs', import.meta.url);

export interface NodeProgramWorker extends ProgramWorker {
  /** Resolves when the thread has exited (terminate() really ended it). */
  exited: Promise<number>;
  /** Resolves when the thread has loaded the host and is ready for 'start'. */
  online: Promise<void>;
}

export const createNodeProgramWorker = (): NodeProgramWorker => {
  const worker = new Worker(entry);
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  const online = new Promise<void>((resolve) => worker.once('online', () => resolve()));
  return {
    exited,
    online,
    postMessage: (message) => worker.postMessage(message),
    terminate: () => void worker.terminate(),
    onMessage: (listener) => worker.on('message', listener),
    onFailure: (listener) => worker.on('error', (error) => listener(error.message)),
  };
};
