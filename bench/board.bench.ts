/**
 * johnny-five round trips on the virtual Uno (worker thread, paced to real time, Chispa firmware):
 * what a student's program waits for on each board call. Median of N runs, in ms.
 *   board.connect                 connect() → ready (worker start, boot, Firmata handshake)
 *   board.digital-write-rtt       io.digitalWrite(13) + PIN_STATE_QUERY → reply showing the new level
 *   board.analog-report-rtt       REPORT_ANALOG on → first A0 value back
 *   board.analog-read-command     board.command analogRead on a pin already reporting (cached value)
 *   board.button-to-read          panel press on D2 → a polled board.command digitalRead sees it
 *   board.read-distance           board.command readDistance at 20 cm (PING_READ round trip)
 */
import { fileURLToPath } from 'node:url';
import { createEventHub } from '../main/app/event-hub';
import { silentLogger } from '../main/app/logger';
import { createBoardService } from '../main/board/board-service';

const firmwareHexPath = fileURLToPath(new URL('../firmware/chispa-firmata.hex', import.meta.url));
const RUNS = 30;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const print = (name: string, values: number[]) =>
  console.log(`bench: board.${name} = ${median(values).toFixed(3)} ms`);
const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const events = createEventHub();
const service = createBoardService({ events, logger: silentLogger, firmwareHexPath });

const connects: number[] = [];
for (let i = 0; i < 3; i++) {
  const started = now();
  const status = await service.connect({ kind: 'virtual' });
  if (status.state !== 'ready') throw new Error(`virtual board not ready: ${JSON.stringify(status)}`);
  connects.push(now() - started);
  if (i < 2) await service.disconnect();
}
print('connect', connects);

const { io } = service.inspect()!.stack;

const writes: number[] = [];
io.pinMode(13, io.MODES.OUTPUT);
for (let i = 0; i < RUNS; i++) {
  const level = i % 2 === 0 ? 1 : 0;
  const started = now();
  await new Promise<void>((resolve) => {
    io.digitalWrite(13, level);
    (io as unknown as { queryPinState(pin: number, cb: () => void): void }).queryPinState(13, resolve);
  });
  const state = (io.pins[13] as unknown as { state: number }).state;
  if (state !== level) throw new Error(`pin 13 state ${state}, expected ${level}`);
  writes.push(now() - started);
  await sleep(5);
}
print('digital-write-rtt', writes);

const analogs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = now();
  await new Promise<void>((resolve) => {
    const listener = () => {
      io.removeListener('analog-read-0', listener);
      resolve();
    };
    io.on('analog-read-0', listener);
    io.reportAnalogPin(0, 1);
  });
  analogs.push(now() - started);
  io.reportAnalogPin(0, 0);
  await sleep(25);
}
print('analog-report-rtt', analogs);

const commands: number[] = [];
await service.command({ op: 'analogRead', pin: 1 });
for (let i = 0; i < RUNS; i++) {
  const started = now();
  await service.command({ op: 'analogRead', pin: 1 });
  commands.push(now() - started);
}
print('analog-read-command', commands);

const presses: number[] = [];
await service.command({ op: 'digitalRead', pin: 2 });
for (let i = 0; i < RUNS; i++) {
  const level = i % 2 === 0;
  const started = now();
  service.virtualInput({ kind: 'digital', pin: 2, level });
  while ((await service.command({ op: 'digitalRead', pin: 2 })).value !== (level ? 1 : 0)) await sleep(0);
  presses.push(now() - started);
  await sleep(20);
}
print('button-to-read', presses);

const distances: number[] = [];
let failedReads = 0;
service.virtualInput({ kind: 'distance', pin: 7, cm: 20 });
for (let i = 0; i < RUNS; i++) {
  const started = now();
  try {
    const { value } = await service.command({ op: 'readDistance', pin: 7 });
    if (value === null || Math.abs(value - 20) > 1) throw new Error(`distance ${value}`);
    distances.push(now() - started);
  } catch (error) {
    failedReads++; // reported below: a busy host can starve the worker past the reply timeout
    console.error(`read-distance ${i} failed after ${(now() - started).toFixed(0)} ms: ${String(error)}`);
  }
}
print('read-distance', distances);
console.log(`bench: board.read-distance-failures = ${failedReads} count`);

await service.dispose();
