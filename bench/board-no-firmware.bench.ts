/**
 * How long a child waits before the app says "this board has no kit firmware — Prepare it?" on a
 * real serial port (a socat pty) with nothing answering: from the 'connecting' state to the
 * 'no-firmware' state. The handshake budget is 4 s, so the goal is under 5 s. Median of N runs.
 *   board.no-firmware.silent-pty.announce    nothing answers
 *   board.no-firmware.garbage-pty.announce   random bytes every 10 ms (a sketch at another speed)
 */
import { fileURLToPath } from 'node:url';
import type { BoardStatus } from '../common/ipc/contract-board';
import { createEventHub } from '../main/app/event-hub';
import { silentLogger } from '../main/app/logger';
import { createBoardService } from '../main/board/board-service';
import { createPortOwnership } from '../main/serial/port-ownership';
import { createSerialTransportFactory } from '../main/serial/serial-board-transport';
import { createPtyPair, openPtyDevice, ptyDeviceDirs, socatMissingReason } from '../tests/helpers/pty-bridge';

const RUNS = Number(process.env.BENCH_NO_FIRMWARE_RUNS ?? 3);
const firmwareHexPath = fileURLToPath(new URL('../firmware/chispa-firmata.hex', import.meta.url));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const announceMs = async (babble: boolean): Promise<number> => {
  const pty = await createPtyPair();
  const device = await openPtyDevice(pty.devicePath);
  const noise = babble
    ? setInterval(
        () => device.write(Uint8Array.from({ length: 16 }, () => Math.floor(Math.random() * 256))),
        10,
      )
    : null;
  const events = createEventHub();
  let connectingAt = NaN;
  let announcedAt = NaN;
  events.subscribe((name, payload) => {
    if (name !== 'board.state') return;
    const { state } = payload as BoardStatus;
    if (state === 'connecting') connectingAt = performance.now();
    if (state === 'no-firmware') announcedAt = performance.now();
  });
  const board = createBoardService({ events, logger: silentLogger, firmwareHexPath });
  board.setTransportFactory(
    'serial',
    createSerialTransportFactory({ ownership: createPortOwnership(), deviceDirs: ptyDeviceDirs }).factory,
  );
  try {
    const status = await board.connect({ kind: 'serial', path: pty.appPath });
    if (status.state !== 'no-firmware') throw new Error(`expected no-firmware, got ${status.state}`);
    return announcedAt - connectingAt;
  } finally {
    if (noise) clearInterval(noise);
    await board.dispose();
    await device.close();
    await pty.dispose();
  }
};

const missing = socatMissingReason();
if (missing) {
  console.log(`bench: board.no-firmware skipped: ${missing}`);
} else {
  for (const [name, babble] of [
    ['silent-pty', false],
    ['garbage-pty', true],
  ] as const) {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await announceMs(babble));
    console.log(`bench: board.no-firmware.${name}.announce = ${median(runs).toFixed(0)} ms`);
  }
}
