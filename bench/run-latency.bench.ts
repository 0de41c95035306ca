/**
 * Run latency on the virtual board (docs/architecture.md, "Testing and measuring"). Main runs in this process (services, the
 * browser-mode web server, the board service with johnny-five/firmata-io and the virtual Uno on
 * the kit firmware) with the board transport instrumented: the virtual transport factory is
 * wrapped so every byte johnny-five writes to the virtual Uno's UART is time-stamped ("on the
 * wire"). Two front ends drive it:
 *
 * 1. Node: the renderer's ProgramRunner and board link over the renderer's WebSocket client,
 *    the program host in a worker thread (the same program-host.ts the browser worker runs).
 *    runner.run-to-first-command.warm  Run → first Firmata bytes written, board ready
 *    runner.run-to-first-command.cold  Run → first command, connecting the virtual board first
 *                                      (virtual Uno boot + Firmata handshake)
 *    runner.button-to-command          button press (board.virtualInput) → the program's
 *                                      digitalWrite(13, 1) on the wire
 *    runner.button-to-led              button press → pin 13 high in the virtual Uno's pin snapshot
 *    runner.stop-to-led-off            Stop while blink's LED is on → pin 13 low in the snapshot
 * 2. Chromium (the real page, real mouse clicks, the real program Web Worker; page and Node
 *    clocks compared as epoch ms):
 *    runner.chromium.run-to-first-command  click on Run → first Firmata bytes on the wire
 *    runner.chromium.button-to-command     mouse down on the panel's button → LED write on the wire
 *    runner.chromium.button-to-panel-led   mouse down on the panel's button → LED 13 drawn on
 * Medians (p90 too) over BENCH_TRIALS trials. Worker start-up is excluded on both sides: a spare
 * worker is kept loaded (renderer/runner/browser-worker.ts; createNodeWorkerPool in Node).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createServices } from '../main/app/create-services';
import { defaultFirmwareHexPath } from '../main/board/firmware-path';
import { createVirtualTransportFactory } from '../main/board/virtual-transport';
import { createAppDispatcher } from '../main/ipc/register-handlers';
import { startWebServer } from '../main/web/web-server';
import type { PinSnapshot } from '../common/ipc/contract-board';
import { createClient } from '../renderer/ipc/client';
import { createWebSocketTransport } from '../renderer/ipc/websocket-transport';
import { createBoardLink } from '../renderer/runner/board-link';
import { ProgramRunner, type RunEnd } from '../renderer/runner/program-runner';
import { createNodeWorkerPool } from '../tests/renderer/helpers/node-worker-factory';
import { ensureBuilt } from '../tests/e2e/helpers/app-process';
import { chromiumPath } from '../tests/e2e/helpers/browser';
import { isLedOnWrite, measureInChromium } from './run-latency-chromium';

const TRIALS = Number(process.env.BENCH_TRIALS ?? 15);
/** Milliseconds on the system clock, comparable between this process and the Chromium page. */
const epoch = () => performance.timeOrigin + performance.now();

// The renderer's WebSocket transport uses the browser global; ws is API-compatible for it.
(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const p90 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)];
};
const report = (name: string, values: number[]) => {
  console.log(`bench: runner.${name} = ${median(values).toFixed(1)} ms`);
  if (values.length > 2) console.log(`bench: runner.${name}.p90 = ${p90(values).toFixed(1)} ms`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (predicate: () => boolean, what: string, timeoutMs = 10_000) => {
  const start = epoch();
  while (!predicate()) {
    if (epoch() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
};

ensureBuilt();
const dataDir = mkdtempSync(join(tmpdir(), 'chispa-bench-run-'));
const services = await createServices({ dataDir, mode: 'browser' });

// Instrumented transport: time-stamp every write johnny-five makes to the virtual Uno.
/** Epoch ms (comparable with the Chromium page's clock), with the bytes written. */
const wire: Array<{ at: number; bytes: number[] }> = [];
const virtualFactory = createVirtualTransportFactory({ firmwareHexPath: defaultFirmwareHexPath() });
services.board.setTransportFactory('virtual', async (target) => {
  const opened = await virtualFactory(target);
  const stream = opened.stream;
  const write = stream.write.bind(stream);
  stream.write = (data: Buffer, callback?: (error?: Error | null) => void) => {
    wire.push({ at: epoch(), bytes: [...data] });
    return write(data, callback);
  };
  return opened;
});
let pin13: { at: number; high: boolean } = { at: 0, high: false };
services.events.subscribe((name, payload) => {
  if (name !== 'board.pins') return;
  const high = Boolean((payload as PinSnapshot).digital[13]);
  if (high !== pin13.high) pin13 = { at: epoch(), high };
});

const server = await startWebServer({
  dispatcher: createAppDispatcher(services),
  events: services.events,
  logger: services.logger,
  rendererDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
  port: 0,
});
// Browser mode authenticates by the token cookie; ws sends the Origin the guard wants.
const wsUrl = `ws://127.0.0.1:${server.port}/bridge?token=${server.token}`;
const OriginalWebSocket = WebSocket;
(globalThis as { WebSocket?: unknown }).WebSocket = class extends OriginalWebSocket {
  constructor(url: string) {
    super(url, { origin: `http://127.0.0.1:${server.port}` });
  }
};
const client = createClient(createWebSocketTransport(wsUrl));
const pool = createNodeWorkerPool();
const runner = new ProgramRunner({ createWorker: () => pool.take(), board: createBoardLink(client) });
const ends: RunEnd[] = [];
runner.listen({ end: (end) => ends.push(end) });

const blink = `
api.highlight('forever');
while (true) {
  api.highlight('on');
  await api.digitalWrite(13, 1);
  await api.wait(100);
  api.highlight('off');
  await api.digitalWrite(13, 0);
  await api.wait(100);
}`;

/** Run → first bytes on the wire; the runner is stopped afterwards and the board settles. */
const runToFirstCommand = async (): Promise<number> => {
  await pool.warm();
  const before = wire.length;
  const t0 = epoch();
  void runner.run(blink);
  await until(() => wire.length > before, 'the first command on the wire');
  const latency = wire[before].at - t0;
  await sleep(50);
  runner.stop();
  await sleep(150);
  return latency;
};

try {
  await until(() => true, 'start');
  // Cold: no board connected yet; Run connects the virtual Uno first.
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    await client.call('board.disconnect', {});
    await sleep(200);
    wire.length = 0;
    await pool.warm();
    const t0 = epoch();
    void runner.run(blink);
    // The handshake writes too; the first command is the first write after 'ready'.
    await until(() => runner.state === 'running', 'running', 20_000);
    const ready = epoch();
    await until(() => wire.some((entry) => entry.at >= ready), 'the first command after ready');
    cold.push(wire.find((entry) => entry.at >= ready)!.at - t0);
    await sleep(50);
    runner.stop();
    await sleep(150);
  }
  const warm: number[] = [];
  for (let i = 0; i < TRIALS; i++) warm.push(await runToFirstCommand());
  report('run-to-first-command.warm', warm);
  report('run-to-first-command.cold', cold);

  // Stop while the LED is on → pin 13 low on the board (the child sees the program end).
  const stopToOff: number[] = [];
  for (let i = 0; i < TRIALS; i++) {
    await pool.warm();
    void runner.run(blink);
    await until(() => pin13.high, 'blink lit the LED');
    await sleep(20 + Math.random() * 40);
    const t0 = epoch();
    runner.stop();
    await until(() => !pin13.high, 'pin 13 low after Stop');
    stopToOff.push(pin13.at - t0);
    await sleep(150);
  }
  report('stop-to-led-off', stopToOff);

  // Button → reaction: the kind of program the blocks make for "if button pressed, LED on".
  await pool.warm();
  void runner.run(`
while (true) {
  api.highlight('if');
  if ((await api.digitalRead(2)) === 1) {
    api.highlight('on');
    await api.digitalWrite(13, 1);
  } else {
    api.highlight('off');
    await api.digitalWrite(13, 0);
  }
  await api.wait(10);
}`);
  await until(() => runner.state === 'running', 'running');
  await sleep(300);
  const toCommand: number[] = [];
  const toLed: number[] = [];
  for (let i = 0; i < TRIALS; i++) {
    await until(() => !pin13.high, 'LED off before the press');
    const before = wire.length;
    const t0 = epoch();
    await client.call('board.virtualInput', { input: { kind: 'digital', pin: 2, level: true } });
    await until(() => wire.slice(before).some((entry) => isLedOnWrite(entry.bytes)), 'the LED command');
    toCommand.push(wire.slice(before).find((entry) => isLedOnWrite(entry.bytes))!.at - t0);
    await until(() => pin13.high, 'pin 13 high');
    toLed.push(pin13.at - t0);
    await sleep(40 + Math.random() * 40);
    await client.call('board.virtualInput', { input: { kind: 'digital', pin: 2, level: false } });
    await sleep(60 + Math.random() * 40);
  }
  runner.stop();
  report('button-to-command', toCommand);
  report('button-to-led', toLed);
  if (ends.some((end) => end.reason === 'error')) throw new Error(`a run failed: ${JSON.stringify(ends)}`);

  // The same spans from a real page in Chromium (real clicks, the real program Web Worker).
  if (existsSync(chromiumPath)) {
    await client.call('board.disconnect', {});
    const chromium = await measureInChromium(server.url, { entries: wire }, TRIALS);
    report('chromium.run-to-first-command', chromium.runToWire);
    report('chromium.button-to-command', chromium.toWire);
    report('chromium.button-to-panel-led', chromium.toPanel);
  } else {
    console.log(`bench: runner.chromium skipped: no Chromium at ${chromiumPath}`);
  }
} finally {
  runner.stop();
  await pool.close();
  await server.close();
  await services.dispose();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
