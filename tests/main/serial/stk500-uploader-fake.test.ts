/**
 * The uploader over a real pty (real serialport binding) against a scripted STK500 bootloader:
 * the cases where the test must control what the chip says. The real optiboot on the virtual Uno
 * is exercised in flash-virtual-uno.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/ipc/app-error';
import { uploadFirmware, type FlashProgress } from '../../../main/serial/stk500-uploader';
import { FakeStk500Board } from '../../helpers/fake-stk500-board';
import {
  createPtyPair,
  ptyDeviceDirs,
  openPtyDevice,
  socatMissingReason,
  type PtyDevice,
  type PtyPair,
} from '../../helpers/pty-bridge';

const skipReason = socatMissingReason();
if (skipReason) console.log(`[skip] ${skipReason}`);

const image = new Uint8Array(1000).map((_, index) => (index * 7 + 3) & 0xff);

describe.skipIf(skipReason !== null)('STK500 uploader on a pty with a scripted bootloader', () => {
  let pty: PtyPair | null = null;
  let device: PtyDevice | null = null;
  afterEach(async () => {
    await device?.close();
    await pty?.dispose();
    device = null;
    pty = null;
  });

  const setup = async (options: ConstructorParameters<typeof FakeStk500Board>[1] = {}) => {
    pty = await createPtyPair();
    device = await openPtyDevice(pty.devicePath);
    const dev = device;
    const board = new FakeStk500Board((bytes) => dev.write(bytes), options);
    dev.onData((bytes) => board.receive(bytes));
    return { board, path: pty.appPath };
  };

  it('writes every page, reads it back and reports progress up to 100 %', async () => {
    const { board, path } = await setup();
    const progress: FlashProgress[] = [];
    const result = await uploadFirmware({
      deviceDirs: ptyDeviceDirs,
      path,
      image,
      resetIntoBootloader: async () => undefined,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toMatchObject({ baudRate: 115200, signature: '1E 95 0F', pages: 8, bytes: 1000 });
    expect([...board.flash.subarray(0, 1000)]).toEqual([...image]);
    expect(board.flash[1000]).toBe(0xff);
    expect(board.commands.filter((c) => c === 0x64)).toHaveLength(8);
    expect(board.commands.filter((c) => c === 0x74)).toHaveLength(8);
    expect(board.commands.at(-1)).toBe(0x51);
    const percents = progress.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ phase: 'done', percent: 100 });
    expect(progress.some((p) => p.phase === 'verifying')).toBe(true);
  });

  it('falls back to 57600 for an old-bootloader Nano that does not answer at 115200', async () => {
    pty = await createPtyPair();
    device = await openPtyDevice(pty.devicePath);
    const dev = device;
    let listening = false;
    const board = new FakeStk500Board((bytes) => dev.write(bytes));
    dev.onData((bytes) => listening && board.receive(bytes));
    const result = await uploadFirmware({
      deviceDirs: ptyDeviceDirs,
      path: pty.appPath,
      image,
      bauds: [115200, 57600],
      syncAttempts: 4,
      syncTimeoutMs: 50,
      firstSyncTimeoutMs: 50,
      // A pty ignores the speed, so the old bootloader "hears" only when the port runs at 57600.
      resetIntoBootloader: async (port) => {
        listening = port.baudRate === 57600;
      },
    });
    expect(result.baudRate).toBe(57600);
    expect([...board.flash.subarray(0, image.length)]).toEqual([...image]);
  });

  it('refuses a chip with another signature before anything is written', async () => {
    const { board, path } = await setup({ signature: [0x1e, 0x98, 0x01] });
    const error = await uploadFirmware({
      deviceDirs: ptyDeviceDirs,
      path,
      image,
      resetIntoBootloader: async () => undefined,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('serial.wrong-signature');
    expect((error as AppError).params).toMatchObject({ signature: '1E 98 01', expected: '1E 95 0F' });
    expect(board.wroteAnything).toBe(false);
    expect(board.commands).not.toContain(0x55);
    expect([...board.flash.subarray(0, 1000)].every((byte) => byte === 0xff)).toBe(true);
  });

  it('gives up with no-sync on a silent port, after trying both bootloader speeds', async () => {
    pty = await createPtyPair();
    device = await openPtyDevice(pty.devicePath);
    let opens = 0;
    const error = await uploadFirmware({
      deviceDirs: ptyDeviceDirs,
      path: pty.appPath,
      image,
      syncAttempts: 3,
      syncTimeoutMs: 50,
      firstSyncTimeoutMs: 50,
      resetIntoBootloader: async () => {
        opens += 1;
      },
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('serial.no-sync');
    expect((error as AppError).messageKey).toBe('error.serial.no-sync');
    expect(opens).toBe(4); // two resets per speed, two speeds
  });

  it('tells garbage from silence', async () => {
    pty = await createPtyPair();
    device = await openPtyDevice(pty.devicePath);
    const dev = device;
    dev.onData(() => dev.write(Uint8Array.of(0x41, 0x42, 0x0a)));
    const error = await uploadFirmware({
      deviceDirs: ptyDeviceDirs,
      path: pty.appPath,
      image,
      syncAttempts: 2,
      syncTimeoutMs: 50,
      bauds: [115200],
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('serial.no-sync');
    expect((error as AppError).messageKey).toBe('error.serial.no-sync.garbage');
  });

  it('fails at once with disconnected when the cable is pulled mid-upload, nothing left open', async () => {
    const { board, path } = await setup();
    let pages = 0;
    const error = await uploadFirmware({
      deviceDirs: ptyDeviceDirs,
      path,
      image: new Uint8Array(20_000).fill(0x42),
      resetIntoBootloader: async () => undefined,
      onProgress: (progress) => {
        if (progress.phase === 'writing' && ++pages === 5) void pty!.unplug();
      },
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('serial.disconnected');
    // It stops at once: far fewer page writes than the image has (no timing: CI runners vary).
    expect(board.commands.filter((command) => command === 0x64).length).toBeLessThan(20);
  });

  it('reports a port held by another program as port-busy', async () => {
    const { path } = await setup();
    const { openSerialPort, closeQuietly } = await import('../../../main/serial/open-port');
    const holder = await openSerialPort(path, 57600, ptyDeviceDirs);
    try {
      const error = await uploadFirmware({ deviceDirs: ptyDeviceDirs, path, image }).catch((e: unknown) => e);
      expect((error as AppError).code).toBe('serial.port-busy');
    } finally {
      await closeQuietly(holder);
    }
  });
});
