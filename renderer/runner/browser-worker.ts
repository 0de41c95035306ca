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

export const createWorkerPool = (): (() => ProgramWorker) => {
  let spare: ProgramWorker | null = null;
  return () => {
    const worker = spare ?? spawn();
    spare = null;
    // Load the next one after this run's start message is on its way.
    setTimeout(() => {
      spare ??= spawn();
    }, 0);
    return worker;
  };
};
