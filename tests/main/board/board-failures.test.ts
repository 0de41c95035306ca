/**
 * A board that never answers, answers garbage, runs no firmware, runs another or an older
 * firmware, or vanishes: each ends in a typed state within 5 s, with no hang and no unhandled
 * rejection (vitest fails the run on one).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/ipc/app-error';
import { silentLogger } from '../../../main/app/logger';
import { createBoardService, type BoardService } from '../../../main/board/board-service';
import type { OpenedBoardTransport } from '../../../main/board/board-transport';
import { FirmataStream } from '../../../main/board/firmata-stream';
import { createVirtualTransportFactory } from '../../../main/board/virtual-transport';
import { createBoardHandlers } from '../../../main/ipc/handlers-board';
import { createDispatcher, type CallHandlers } from '../../../main/ipc/dispatcher';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import type { AppServices } from '../../../main/app/services';
import {
  BoardEventRecorder,
  FIRMWARE_HEX_PATH,
  blankFlashHex,
  buildFirmwareVariant,
  garbageTransport,
  hasAvrGcc,
  silentTransport,
} from './board-test-kit';

const FIVE_SECONDS = 5000;
const services: BoardService[] = [];
const cleanups: Array<() => void> = [];

function newService(options: Partial<Parameters<typeof createBoardService>[0]> = {}) {
  const recorder = new BoardEventRecorder();
  const service = createBoardService({
    events: recorder.events,
    logger: silentLogger,
    firmwareHexPath: FIRMWARE_HEX_PATH,
    ...options,
  });
  services.push(service);
  return { service, recorder };
}

afterEach(async () => {
  for (const service of services.splice(0)) await service.dispose();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('board service failure states', () => {
  it('blank flash on the virtual Uno → no-firmware within 5 s of the board running', async () => {
    const blank = blankFlashHex();
    cleanups.push(blank.cleanup);
    const virtual = createVirtualTransportFactory({ firmwareHexPath: blank.hexPath });
    // Counted on the board's clock (simulated time): a loaded PC slows the virtual Uno down, and
    // the handshake budget follows the board, not the wall clock (which only caps it).
    let boardClock: () => number = () => NaN;
    let openedAt = { board: Infinity, wall: Infinity };
    const { service, recorder } = newService({
      transports: {
        virtual: async (target) => {
          const opened = await virtual(target);
          boardClock = opened.boardTimeMs ?? boardClock;
          openedAt = { board: boardClock(), wall: Date.now() };
          return opened;
        },
      },
    });
    let announcedAt = { board: Infinity, wall: Infinity };
    recorder.events.subscribe((name, payload) => {
      if (name === 'board.state' && (payload as { state: string }).state === 'no-firmware')
        announcedAt = { board: boardClock(), wall: Date.now() };
    });
    const status = await service.connect({ kind: 'virtual' });
    // The board clock comes from pin snapshots (one a second while nothing changes): ±1 s.
    expect(announcedAt.board - openedAt.board).toBeLessThan(FIVE_SECONDS + 1000);
    expect(announcedAt.wall - openedAt.wall).toBeLessThan(3 * FIVE_SECONDS);
    expect(status).toMatchObject({
      state: 'no-firmware',
      messageKey: 'board.error.no-firmware',
      canPrepare: false,
    });
    expect(recorder.states.map((s) => s.state)).toEqual(['connecting', 'no-firmware']);
    expect(service.inspect()).toBeNull();
  });

  it('a silent serial transport → no-firmware (offering Prepare board) after the 4 s budget, port closed', async () => {
    const silent = silentTransport();
    const { service } = newService({ transports: { serial: silent.factory } });
    const started = Date.now();
    const status = await service.connect({ kind: 'serial', path: '/dev/ttyFAKE0' });
    expect(Date.now() - started).toBeLessThan(3 * FIVE_SECONDS); // never a hang; the budget is 4 s
    expect(status).toMatchObject({ state: 'no-firmware', canPrepare: true, target: { kind: 'serial' } });
    expect(silent.written()).toBeGreaterThan(0); // firmata-io asked for the version after 1 s
    expect(silent.closed()).toBe(true);
  });

  it('a stream of garbage bytes → no-firmware after the 4 s budget, port closed', async () => {
    for (const seed of [1, 2, 3]) {
      const garbage = garbageTransport(seed);
      const { service } = newService({ transports: { serial: garbage.factory } });
      const started = Date.now();
      const status = await service.connect({ kind: 'serial', path: 'COM9' });
      expect(Date.now() - started).toBeLessThan(3 * FIVE_SECONDS); // never a hang; the budget is 4 s
      expect(status.state).toBe('no-firmware');
      expect(['board.error.no-firmware', 'board.error.firmware-incomplete']).toContain(status.messageKey);
      expect(garbage.closed()).toBe(true);
    }
  });

  it('disconnect while the handshake waits ends it at once (idle, port closed)', async () => {
    const silent = silentTransport();
    const { service, recorder } = newService({ transports: { serial: silent.factory } });
    const connecting = service.connect({ kind: 'serial', path: '/dev/ttyFAKE1' });
    await recorder.waitFor('connecting', () => service.status().state === 'connecting');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const [connected, disconnected] = await Promise.all([connecting, service.disconnect()]);
    expect(Date.now() - started).toBeLessThan(3000); // not the 4 s budget (a loaded runner stretches 1 s)
    expect(connected.state).toBe('idle');
    expect(disconnected.state).toBe('idle');
    expect(silent.closed()).toBe(true);
    expect(recorder.states.map((s) => s.state)).not.toContain('no-firmware');
  });

  it('a port held by another program → port-busy', async () => {
    const { service } = newService({
      transports: {
        serial: async () => {
          throw new AppError('board.port-busy', { messageKey: 'board.error.port-busy' });
        },
      },
    });
    expect(await service.connect({ kind: 'serial', path: '/dev/ttyACM0' })).toMatchObject({
      state: 'port-busy',
      messageKey: 'board.error.port-busy',
    });
  });

  it('a transport that never opens → error (open-timeout); a late one is closed at once', async () => {
    let closedLate = false;
    const { service } = newService({
      openTimeoutMs: 300,
      transports: {
        serial: () =>
          new Promise((resolve) =>
            setTimeout(
              () =>
                resolve({
                  stream: new FirmataStream(() => undefined),
                  onLost: () => () => undefined,
                  close: async () => {
                    closedLate = true;
                  },
                }),
              600,
            ),
          ),
      },
    });
    expect(await service.connect({ kind: 'serial', path: '/dev/ttyUSB0' })).toMatchObject({
      state: 'error',
      messageKey: 'board.error.open-timeout',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(closedLate).toBe(true);
  });

  it('a transport lost after ready → lost, and commands are refused', async () => {
    const virtual = createVirtualTransportFactory({ firmwareHexPath: FIRMWARE_HEX_PATH });
    let pull: (reason: Error) => void = () => undefined;
    const { service, recorder } = newService({
      transports: {
        virtual: async (target): Promise<OpenedBoardTransport> => {
          const opened = await virtual(target);
          return {
            ...opened,
            onLost(listener) {
              const stop = opened.onLost(listener);
              pull = listener;
              return stop;
            },
          };
        },
      },
    });
    expect((await service.connect({ kind: 'virtual' })).state).toBe('ready');
    pull(new Error('cable pulled'));
    await recorder.waitFor('lost', () => service.status().state === 'lost');
    expect(service.status()).toMatchObject({ state: 'lost', messageKey: 'board.error.lost' });
    await expect(service.command({ op: 'digitalRead', pin: 2 })).rejects.toMatchObject({
      code: 'board.not-connected',
    });
  });

  it('returns errors as values through the dispatcher', async () => {
    const { service } = newService();
    const handlers = createBoardHandlers({
      board: service,
    } as unknown as AppServices) as unknown as CallHandlers;
    const dispatcher = createDispatcher(handlers, silentLogger);
    const ctx = { session: createConnectionSession('test') };
    expect(await dispatcher.dispatch('board.status', {}, ctx)).toMatchObject({
      ok: true,
      value: { state: 'idle' },
    });
    expect(
      await dispatcher.dispatch('board.command', { command: { op: 'digitalWrite', pin: 13, value: 1 } }, ctx),
    ).toEqual({ ok: false, error: { code: 'board.not-connected', messageKey: 'board.error.not-connected' } });
    expect(
      await dispatcher.dispatch('board.command', { command: { op: 'servoWrite', pin: 9, angle: 200 } }, ctx),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });
});

if (!hasAvrGcc)
  console.warn(
    'board firmware-variant tests skipped: avr-gcc is not installed (apt-get install gcc-avr avr-libc)',
  );

describe.skipIf(!hasAvrGcc)('board service with other firmware builds', () => {
  it('an older Chispa firmware → old-firmware with Prepare board offered, still usable', async () => {
    const old = buildFirmwareVariant({ FIRMWARE_MAJOR: 0, FIRMWARE_MINOR: 9 });
    cleanups.push(old.cleanup);
    const { service, recorder } = newService({ firmwareHexPath: old.hexPath });
    expect(await service.connect({ kind: 'virtual' })).toMatchObject({
      state: 'old-firmware',
      firmware: { name: 'Chispa', version: '0.9' },
      messageKey: 'board.error.old-firmware',
      canPrepare: true,
    });
    await service.command({ op: 'digitalWrite', pin: 13, value: 1 });
    await recorder.waitForPins('PB5 high', (pins) => pins.digital[13]);
  });

  it('another Firmata firmware → ready for what it supports; tone asks for the Chispa firmware', async () => {
    const other = buildFirmwareVariant({
      FIRMWARE_NAME: '\\"StandardFirmata.ino\\"',
      FIRMWARE_MAJOR: 2,
      FIRMWARE_MINOR: 5,
    });
    cleanups.push(other.cleanup);
    const { service } = newService({ firmwareHexPath: other.hexPath });
    expect(await service.connect({ kind: 'virtual' })).toMatchObject({
      state: 'ready',
      firmware: { name: 'StandardFirmata', version: '2.5' },
      messageKey: 'board.info.other-firmware',
      canPrepare: true,
    });
    await expect(service.command({ op: 'tone', pin: 8, frequency: 440 })).rejects.toMatchObject({
      code: 'board.needs-chispa-firmware',
    });
  });
});
