/**
 * Main-thread handle of a virtual Uno running in a worker thread (virtual-uno-worker.ts):
 * its serial port as a FirmataStream, throttled pin snapshots, input injection, reset (also into the
 * bootloader, which a pty cannot trigger with DTR), stats, flash read-back and stop.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { virtualInputSchema, type PinSnapshot, type VirtualInput } from '../../common/ipc/contract-board';
import type { ResetOptions } from './virtual-uno-core';
import type { FromWorker, ToWorker, VirtualUnoStats, VirtualUnoWorkerData } from './virtual-uno-protocol';
import { FirmataStream } from '../board/firmata-stream';

export type { VirtualUnoStats } from './virtual-uno-protocol';

export type VirtualUnoOptions = VirtualUnoWorkerData;

export interface VirtualUno {
  /**
   * Serial port of the board for `new Firmata(transport)` (then `transport.start()`); holds what
   * the firmware sent before anyone listened.
   */
  readonly transport: FirmataStream;
  /** Pin snapshots, ~30 per second while something changes. Returns an unsubscribe function. */
  onPins(callback: (snapshot: PinSnapshot) => void): () => void;
  /** The most recent snapshot, or null before the first. */
  latestPins(): PinSnapshot | null;
  /** Button level, analog volts or HC-SR04 distance from the board panel (validated). */
  input(input: VirtualInput): void;
  /**
   * External reset; intoBootloader emulates the DTR auto-reset that starts the bootloader, lineBaud
   * the speed the host opened the port at (see ResetOptions in virtual-uno-core.ts).
   */
  reset(options?: ResetOptions): void;
  /** Speed and host CPU over the window since the previous call. */
  stats(): Promise<VirtualUnoStats>;
  /** A copy of the 32 KiB flash (to verify a flashing). */
  readFlash(): Promise<Uint8Array>;
  /** Terminates the worker; resolves once the thread has exited. Idempotent. */
  stop(): Promise<void>;
  /** Called once when the worker ends, by stop() (error undefined) or by a crash. */
  onExit(callback: (error?: Error) => void): void;
  readonly running: boolean;
}

/**
 * How to start the worker. From a built .js bundle: virtual-uno-worker.js next to it. From the
 * .ts sources (vitest, `tsx main/web/start-web.ts`): a tiny eval'd bootstrap that registers tsx's
 * ESM hooks inside the new thread and then imports the .ts entry — `execArgv: ['--import', 'tsx']`
 * does not reach a worker's entry module on Node 20.
 */
function createWorker(workerData: VirtualUnoWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./virtual-uno-worker.js', import.meta.url), { workerData });
  }
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsxApi = pathToFileURL(tsxPackage.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./virtual-uno-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export function startVirtualUno(options: VirtualUnoOptions = {}): Promise<VirtualUno> {
  const worker = createWorker(options);
  const post = (message: ToWorker, transfer?: ArrayBuffer[]) => {
    if (running) worker.postMessage(message, transfer);
  };
  const transport = new FirmataStream((buffer, done) => {
    const bytes = Uint8Array.from(buffer); // a Buffer may share a pool: transfer a copy
    post({ type: 'uart', bytes }, [bytes.buffer]);
    process.nextTick(done, null);
  });
  const pinListeners = new Set<(snapshot: PinSnapshot) => void>();
  const exitListeners = new Set<(error?: Error) => void>();
  const pendingReplies = new Map<
    number,
    { resolve: (value: never) => void; reject: (error: Error) => void }
  >();
  let latest: PinSnapshot | null = null;
  let running = true;
  let failure: Error | undefined;
  let nextId = 1;
  let stopRequested = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const request = <T>(message: ToWorker & { id: number }): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!running) return reject(new Error('virtual Uno is stopped'));
      pendingReplies.set(message.id, { resolve: resolve as (value: never) => void, reject });
      post(message);
    });

  return new Promise<VirtualUno>((resolveStart, rejectStart) => {
    let started = false;
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          started = true;
          resolveStart(handle);
          break;
        case 'uart':
          transport.push(message.bytes);
          break;
        case 'pins':
          latest = message.snapshot;
          for (const listener of pinListeners) listener(message.snapshot);
          break;
        case 'stats':
          pendingReplies.get(message.id)?.resolve(message.stats as never);
          pendingReplies.delete(message.id);
          break;
        case 'flash':
          pendingReplies.get(message.id)?.resolve(message.flash as never);
          pendingReplies.delete(message.id);
          break;
        case 'error':
          failure = new Error(`virtual Uno failed to start: ${message.message}`);
          break;
      }
    });
    worker.on('error', (error) => {
      failure ??= error;
    });
    worker.once('exit', (code) => {
      running = false;
      const error =
        failure ?? (stopRequested ? undefined : new Error(`virtual Uno worker exited (code ${code})`));
      for (const { reject } of pendingReplies.values()) reject(error ?? new Error('virtual Uno stopped'));
      pendingReplies.clear();
      transport.close();
      if (!started) rejectStart(error ?? new Error('virtual Uno stopped before it started'));
      for (const listener of exitListeners) listener(error);
    });

    const handle: VirtualUno = {
      transport,
      onPins(callback) {
        pinListeners.add(callback);
        return () => pinListeners.delete(callback);
      },
      latestPins: () => latest,
      input(input) {
        post({ type: 'input', input: virtualInputSchema.parse(input) });
      },
      reset(resetOptions = {}) {
        post({ type: 'reset', intoBootloader: resetOptions.intoBootloader, lineBaud: resetOptions.lineBaud });
      },
      stats: () => request<VirtualUnoStats>({ type: 'stats', id: nextId++ }),
      readFlash: () => request<Uint8Array>({ type: 'readFlash', id: nextId++ }),
      async stop() {
        if (running) {
          stopRequested = true;
          await worker.terminate();
        }
        await exited;
      },
      onExit(callback) {
        exitListeners.add(callback);
      },
      get running() {
        return running;
      },
    };
  });
}
