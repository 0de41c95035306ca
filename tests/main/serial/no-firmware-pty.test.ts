/**
 * A port with no kit firmware behind it, through the real serial binding: silence and garbage
 * both end in 'no-firmware' with the Prepare board offer, never a hang. The handshake budget is
 * 4 s (so the offer comes within 5 s on an idle machine — bench/board-no-firmware.bench.ts prints
 * the figure); the test only bounds wall time at 3 × 5 s, since a loaded CI runner stretches it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardStatus } from '../../../common/ipc/contract-board';
import { createEventHub } from '../../../main/app/event-hub';
import { createBoardService, type BoardService } from '../../../main/board/board-service';
import { createPortOwnership } from '../../../main/serial/port-ownership';
import { createSerialTransportFactory } from '../../../main/serial/serial-board-transport';
import { fileURLToPath } from 'node:url';
import { KIT_FIRMWARE_HEX_PATH } from '../../helpers/uno-hex-files';
import {
  createPtyPair,
  openPtyDevice,
  ptyDeviceDirs,
  socatMissingReason,
  type PtyDevice,
  type PtyPair,
} from '../../helpers/pty-bridge';
import { quietLogger } from '../../helpers/serial-rig';

const NEVER_A_HANG_MS = 3 * 5000;
const skipReason = socatMissingReason();
if (skipReason) console.log(`[skip] ${skipReason}`);

describe.skipIf(skipReason !== null)('serial port without the kit firmware', () => {
  let pty: PtyPair | null = null;
  let device: PtyDevice | null = null;
  let board: BoardService | null = null;
  let noise: NodeJS.Timeout | null = null;
  afterEach(async () => {
    if (noise) clearInterval(noise);
    await board?.dispose();
    await device?.close();
    await pty?.dispose();
    pty = device = board = noise = null;
  });

  const connect = async (): Promise<{ status: BoardStatus; ms: number; states: string[] }> => {
    pty = await createPtyPair();
    device = await openPtyDevice(pty.devicePath);
    const events = createEventHub();
    const states: string[] = [];
    events.subscribe(
      (name, payload) => name === 'board.state' && states.push((payload as BoardStatus).state),
    );
    board = createBoardService({
      events,
      logger: quietLogger,
      firmwareHexPath: fileURLToPath(KIT_FIRMWARE_HEX_PATH),
    });
    const ownership = createPortOwnership();
    board.setTransportFactory(
      'serial',
      createSerialTransportFactory({ ownership, deviceDirs: ptyDeviceDirs }).factory,
    );
    const started = performance.now();
    const status = await board.connect({ kind: 'serial', path: pty.appPath });
    const ms = performance.now() - started;
    // The port is given back after the failed handshake (Prepare board can open it).
    expect(ownership.ownerOf(pty.appPath)).toBeNull();
    return { status, ms, states };
  };

  it('a silent port ends in no-firmware with Prepare offered, never a hang', async () => {
    const { status, ms, states } = await connect();
    expect(status).toMatchObject({ state: 'no-firmware', canPrepare: true, target: { kind: 'serial' } });
    expect(ms).toBeLessThan(NEVER_A_HANG_MS);
    expect(states).toEqual(['connecting', 'no-firmware']);
  });

  it('a port speaking garbage ends in no-firmware with Prepare offered, never a hang', async () => {
    const run = connect();
    // Wait for the far end to exist, then babble: random bytes every 10 ms, like a sketch at another speed.
    while (!device) await new Promise((resolve) => setTimeout(resolve, 5));
    const dev = device;
    noise = setInterval(
      () => dev.write(Uint8Array.from({ length: 16 }, () => Math.floor(Math.random() * 256))),
      10,
    );
    const { status, ms } = await run;
    expect(status).toMatchObject({ state: 'no-firmware', canPrepare: true });
    expect(ms).toBeLessThan(NEVER_A_HANG_MS);
  });

  it('a port held by another program ends in port-busy, not an error or a hang', async () => {
    pty = await createPtyPair();
    const { openSerialPort, closeQuietly } = await import('../../../main/serial/open-port');
    const holder = await openSerialPort(pty.appPath, 57600, ptyDeviceDirs);
    try {
      board = createBoardService({
        events: createEventHub(),
        logger: quietLogger,
        firmwareHexPath: fileURLToPath(KIT_FIRMWARE_HEX_PATH),
      });
      board.setTransportFactory(
        'serial',
        createSerialTransportFactory({ ownership: createPortOwnership(), deviceDirs: ptyDeviceDirs }).factory,
      );
      const status = await board.connect({ kind: 'serial', path: pty.appPath });
      expect(status).toMatchObject({
        state: 'port-busy',
        messageKey: 'error.serial.port-busy',
        canPrepare: false,
      });
    } finally {
      await closeQuietly(holder);
    }
  });
});
