/**
 * Program workers in the browser. One spare worker is kept loaded, so Run does not wait for
 * the script to be fetched and parsed; each run gets a fresh worker (a stopped one is gone).
 */
import type { ProgramWorker } from './program-runner';

export const programWorkerUrl = (): URL => new URL('program.program-worker.js', document.baseURI);

const spawn = (): ProgramWorker => {
  const worker = new Worker(programWorkerUrl(), { type: 'module', name: 'chispa-program' });
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data)),
    onFailure: (listener) =>
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(event.message || 'worker');
      }),
  };
};

export interface WorkerPool {
  /** A loaded worker for the next run (the pool starts loading another). */
  take(): ProgramWorker;
  /** Starts loading the spare now (at start-up, so even the first Run finds it ready). */
  warm(): void;
}

export const createWorkerPool = (): WorkerPool => {
  let spare: ProgramWorker | null = null;
  const warm = () => {
    spare ??= spawn();
  };
  return {
    warm,
    take() {
      const worker = spare ?? spawn();
      spare = null;
      // Load the next one after this run's start message is on its way.
      setTimeout(warm, 0);
      return worker;
    },
  };
};
