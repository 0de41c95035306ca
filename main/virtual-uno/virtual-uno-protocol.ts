/**
 * Messages between the main thread (virtual-uno.ts) and the worker (virtual-uno-worker.ts).
 */
import type { PinSnapshot, VirtualInput } from '../../common/ipc/contract-board';
import type { VirtualUnoCoreOptions } from './virtual-uno-core';

export interface VirtualUnoWorkerData extends VirtualUnoCoreOptions {
  /** false = run flat out (benchmarks); default true = paced to the wall clock. */
  paced?: boolean;
  /** Pin snapshots per second posted to the main thread (default 30; 0 = none). */
  snapshotsPerSecond?: number;
}

export interface VirtualUnoStats {
  /** Simulated ms per wall-clock ms over the window since the previous stats() call. */
  realTimeFactor: number;
  /** CPU time of the worker thread / wall time over the window, in % of one core (null if unknown). */
  hostCpuPercent: number | null;
  /** Fraction of the window the worker's event loop was busy (portable CPU proxy), 0..1. */
  eventLoopUtilization: number;
  /** Fraction of simulated time the MCU spent asleep (skipped), 0..1, over the window. */
  sleepFraction: number;
  windowMs: number;
  simTimeMs: number;
  /** Simulated time dropped because the host could not keep up (ms, total). */
  droppedLagMs: number;
  watchdogResets: number;
  uartRxPending: number;
  /** Bytes garbled because the host's speed did not match the firmware's (see ResetOptions.lineBaud). */
  lineSpeedLosses: number;
}

export type ToWorker =
  | { type: 'uart'; bytes: Uint8Array }
  | { type: 'input'; input: VirtualInput }
  | { type: 'reset'; intoBootloader?: boolean; lineBaud?: number }
  | { type: 'stats'; id: number }
  | { type: 'readFlash'; id: number }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'uart'; bytes: Uint8Array }
  | { type: 'pins'; snapshot: PinSnapshot }
  | { type: 'stats'; id: number; stats: VirtualUnoStats }
  | { type: 'flash'; id: number; flash: Uint8Array }
  | { type: 'error'; message: string }
  | { type: 'stopped' };
