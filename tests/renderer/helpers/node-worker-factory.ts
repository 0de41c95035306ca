/**
 * ProgramWorker over a Node worker thread running the real host code (see node-program-worker.ts).
 * The entry is bundled once per process with esbuild (as the app bundles the browser worker), so a
 * worker starts in milliseconds instead of compiling TypeScript in every thread.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProgramWorker } from '../../../renderer/runner/program-runner';

let bundled: URL | null = null;
const entry = (): URL => {
  if (bundled) return bundled;
  const outfile = join(mkdtempSync(join(tmpdir(), 'chispa-program-worker-')), 'node-program-worker.mjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('./node-program-worker.ts', import.meta.url))],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  bundled = pathToFileURL(outfile);
  return bundled;
};

export interface NodeProgramWorker extends ProgramWorker {
  /** Resolves when the thread has exited (terminate() really ended it). */
  exited: Promise<number>;
  /** Resolves when the thread has loaded the host and listens for 'start'. */
  ready: Promise<void>;
}

export const createNodeProgramWorker = (): NodeProgramWorker => {
  const worker = new Worker(entry());
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  const ready = new Promise<void>((resolve) =>
    worker.on('message', (message: { type?: string }) => {
      if (message?.type === 'host-ready') resolve();
    }),
  );
  return {
    exited,
    ready,
    postMessage: (message) => worker.postMessage(message),
    terminate: () => void worker.terminate(),
    onMessage: (listener) => worker.on('message', listener),
    onFailure: (listener) => worker.on('error', (error) => listener(error.message)),
  };
};

/** Like the browser's pool: one spare worker already loaded, so a run does not wait for it. */
export const createNodeWorkerPool = () => {
  let spare = createNodeProgramWorker();
  const all: NodeProgramWorker[] = [spare];
  return {
    /** Resolves when the spare is loaded. */
    warm: () => spare.ready,
    take(): NodeProgramWorker {
      const worker = spare;
      spare = createNodeProgramWorker();
      all.push(spare);
      return worker;
    },
    async close() {
      for (const worker of all) {
        worker.terminate();
        await worker.exited;
      }
    },
  };
};
