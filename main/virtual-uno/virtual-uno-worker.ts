/**
 * worker_threads entry: runs a VirtualUnoCore paced to the wall clock (slices of simulated time,
 * then sleep until the wall clock catches up; lag beyond 100 ms is dropped, see real-time-pacer.ts).
 * Posts UART bytes in one batch per slice and pin snapshots ~30 times a second.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { VirtualInput } from '../../common/ipc/contract-board';
import { RealTimePacer } from './real-time-pacer';
import { threadCpuMs } from './thread-cpu';
import { VirtualUnoCore } from './virtual-uno-core';
import type { FromWorker, ToWorker, VirtualUnoStats, VirtualUnoWorkerData } from './virtual-uno-protocol';

const SLICE_MS = 5;

const port = parentPort;
if (!port) throw new Error('virtual-uno-worker must run in a worker thread');
const options = (workerData ?? {}) as VirtualUnoWorkerData;
const paced = options.paced ?? true;
const snapshotEveryMs =
  options.snapshotsPerSecond === 0 ? Infinity : 1000 / (options.snapshotsPerSecond ?? 30);

const post = (message: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

let core: VirtualUnoCore;
try {
  core = new VirtualUnoCore(options);
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  throw error;
}

let txBatch: number[] = [];
core.onUartTransmit((byte) => txBatch.push(byte));

let stopped = false;
const pacer = new RealTimePacer(SLICE_MS, 100);
pacer.restart(performance.now(), core.simTimeMs);
let lastSnapshotWall = -Infinity;
let lastSnapshotKey = '';
let timer: NodeJS.Timeout | null = null;

function flush(now: number): void {
  if (txBatch.length > 0) {
    const bytes = Uint8Array.from(txBatch);
    txBatch = [];
    post({ type: 'uart', bytes }, [bytes.buffer]);
  }
  if (now - lastSnapshotWall >= snapshotEveryMs) {
    const snapshot = core.snapshot();
    const key = JSON.stringify({ ...snapshot, simTimeMs: 0 });
    // Unchanged pins are re-sent once a second only (the panel shows simulated time).
    if (key !== lastSnapshotKey || now - lastSnapshotWall >= 1000) {
      lastSnapshotKey = key;
      lastSnapshotWall = now;
      post({ type: 'pins', snapshot });
    }
  }
}

function loop(): void {
  timer = null;
  if (stopped) return;
  const now = performance.now();
  if (!paced) {
    core.runMs(SLICE_MS);
    flush(now);
    setImmediate(loop);
    return;
  }
  const step = pacer.next(now, core.simTimeMs);
  if ('runMs' in step) {
    core.runMs(step.runMs);
    flush(performance.now());
    setImmediate(loop);
  } else {
    timer = setTimeout(loop, step.waitMs);
  }
}

let lastSample = {
  wall: performance.now(),
  sim: core.simTimeMs,
  cpu: threadCpuMs(),
  elu: performance.eventLoopUtilization(),
  slept: 0,
  cycles: core.cycles,
};

function sampleStats(): VirtualUnoStats {
  const wall = performance.now();
  const cpu = threadCpuMs();
  const elu = performance.eventLoopUtilization();
  const coreStats = core.stats();
  const windowMs = Math.max(1e-3, wall - lastSample.wall);
  const cycles = coreStats.cycles - lastSample.cycles;
  const stats: VirtualUnoStats = {
    realTimeFactor: (core.simTimeMs - lastSample.sim) / windowMs,
    hostCpuPercent:
      cpu !== null && lastSample.cpu !== null ? ((cpu - lastSample.cpu) / windowMs) * 100 : null,
    eventLoopUtilization: performance.eventLoopUtilization(elu, lastSample.elu).utilization,
    sleepFraction: cycles > 0 ? (coreStats.sleptCycles - lastSample.slept) / cycles : 0,
    windowMs,
    simTimeMs: core.simTimeMs,
    droppedLagMs: pacer.droppedLagMs,
    watchdogResets: coreStats.watchdogResets,
    uartRxPending: coreStats.uartRxPending,
    lineSpeedLosses: coreStats.lineSpeedLosses,
  };
  lastSample = {
    wall,
    sim: core.simTimeMs,
    cpu,
    elu,
    slept: coreStats.sleptCycles,
    cycles: coreStats.cycles,
  };
  return stats;
}

function applyInput(input: VirtualInput): void {
  if (input.kind === 'digital') core.setDigitalInput(input.pin, input.level);
  else if (input.kind === 'analog') core.setAnalogVolts(input.pin, input.volts);
  else core.setDistanceCm(input.pin, input.cm);
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'uart':
      core.uartWrite(message.bytes);
      break;
    case 'input':
      applyInput(message.input);
      break;
    case 'reset':
      core.reset({ intoBootloader: message.intoBootloader, lineBaud: message.lineBaud });
      pacer.restart(performance.now(), core.simTimeMs); // a reset is an edge in time
      break;
    case 'stats':
      post({ type: 'stats', id: message.id, stats: sampleStats() });
      break;
    case 'readFlash': {
      const flash = core.readFlash();
      post({ type: 'flash', id: message.id, flash }, [flash.buffer as ArrayBuffer]);
      break;
    }
    case 'stop':
      stopped = true;
      if (timer) clearTimeout(timer);
      port.close();
      break;
  }
});

post({ type: 'ready' });
loop();
