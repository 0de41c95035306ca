/** The serial transport the board service uses, on a real pty: lost reporting and ownership. */
import { afterEach, describe, expect, it } from 'vitest';
import { createPortOwnership } from '../../../main/serial/port-ownership';
import { createSerialTransportFactory } from '../../../main/serial/serial-board-transport';
import {
  createPtyPair,
  openPtyDevice,
  ptyDeviceDirs,
  socatMissingReason,
  type PtyPair,
} from '../../helpers/pty-bridge';

const skipReason = socatMissingReason();
if (skipReason) console.log(`[skip] ${skipReason}`);

describe.skipIf(skipReason !== null)('serial board transport', () => {
  let pty: PtyPair | null = null;
  afterEach(async () => {
    await pty?.dispose();
    pty = null;
  });

  it('passes bytes both ways at 57600, claims the port and gives it back on close', async () => {
    pty = await createPtyPair();
    const device = await openPtyDevice(pty.devicePath);
    const ownership = createPortOwnership();
    const { factory, openPaths } = createSerialTransportFactory({ ownership, deviceDirs: ptyDeviceDirs });
    const opened = await factory({ kind: 'serial', path: pty.appPath });
    expect(ownership.ownerOf(pty.appPath)).toBe('connected');
    expect(openPaths()).toEqual([pty.appPath]);
    const fromDevice = new Promise<number[]>((resolve) =>
      opened.stream.on('data', (data) => resolve([...data])),
    );
    opened.stream.start();
    device.write(Uint8Array.of(0xf9, 2, 5));
    expect(await fromDevice).toEqual([0xf9, 2, 5]);
    const toDevice = new Promise<number[]>((resolve) => device.onData((bytes) => resolve([...bytes])));
    await new Promise<void>((resolve) =>
      opened.stream.write(Buffer.from([0xf0, 0x79, 0xf7]), () => resolve()),
    );
    expect(await toDevice).toEqual([0xf0, 0x79, 0xf7]);
    await opened.close();
    expect(ownership.ownerOf(pty.appPath)).toBeNull();
    await device.close();
  });

  it('reports lost once when the cable is pulled, frees the port and fails later writes', async () => {
    pty = await createPtyPair();
    const ownership = createPortOwnership();
    const { factory } = createSerialTransportFactory({ ownership, deviceDirs: ptyDeviceDirs });
    const opened = await factory({ kind: 'serial', path: pty.appPath });
    ownership.setRunning(pty.appPath, true);
    const reasons: Error[] = [];
    opened.onLost((reason) => reasons.push(reason));
    const pulled = performance.now();
    await pty.unplug();
    while (reasons.length === 0 && performance.now() - pulled < 2000)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(reasons).toHaveLength(1);
    expect(ownership.ownerOf(pty.appPath)).toBeNull();
    const writeError = await new Promise<Error | null | undefined>((resolve) =>
      opened.stream.write(Buffer.from([1]), resolve),
    );
    expect(writeError).toBeInstanceOf(Error);
    await opened.close();
    expect(reasons).toHaveLength(1);
  });

  it('ends a connection as lost when the watcher sees the device vanish first', async () => {
    pty = await createPtyPair();
    const ownership = createPortOwnership();
    const transports = createSerialTransportFactory({ ownership, deviceDirs: ptyDeviceDirs });
    const opened = await transports.factory({ kind: 'serial', path: pty.appPath });
    const reasons: Error[] = [];
    opened.onLost((reason) => reasons.push(reason));
    transports.markVanished(pty.appPath);
    expect(reasons.map((reason) => reason.message)).toEqual([`${pty.appPath} vanished from the port list`]);
    expect(ownership.ownerOf(pty.appPath)).toBeNull();
    await opened.close();
  });

  it('turns a port held elsewhere into the board service code for port-busy', async () => {
    pty = await createPtyPair();
    const first = createSerialTransportFactory({
      ownership: createPortOwnership(),
      deviceDirs: ptyDeviceDirs,
    });
    const held = await first.factory({ kind: 'serial', path: pty.appPath });
    const second = createSerialTransportFactory({
      ownership: createPortOwnership(),
      deviceDirs: ptyDeviceDirs,
    });
    await expect(second.factory({ kind: 'serial', path: pty.appPath })).rejects.toMatchObject({
      code: 'board.port-busy',
      messageKey: 'error.serial.port-busy',
    });
    await held.close();
  });
});
