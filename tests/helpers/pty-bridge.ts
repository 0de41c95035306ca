/**
 * Real serial ports for tests: `socat` makes a pty pair; the app side opens one end with the real
 * serialport binding, the test opens the other end (also with the real binding) and bridges it to
 * a device: the virtual Uno's UART, or a scripted responder. Killing socat is "pulling the cable".
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

/** Null when socat runs; otherwise the reason a test should print when it skips. */
export const socatMissingReason = (): string | null => {
  const probe = spawnSync('socat', ['-V'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0
    ? `socat is not installed (${probe.error?.message ?? probe.status}); pty tests skipped`
    : null;
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface PtyPair {
  /** The end the app opens, as a user would type it. */
  appPath: string;
  /** The end the test's fake device opens. */
  devicePath: string;
  /** Pulls the cable: socat exits, both ends close, the links vanish. */
  unplug(): Promise<void>;
  /** Plugs it back: a new socat on the same link paths. */
  plug(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Every pair's links live under this folder: the app accepts typed paths there when it is one of
 * its device folders (serial service `deviceDirs`, or CHISPA_SERIAL_DEVICE_DIRS for an app process).
 */
export const ptyLinkRoot = join(tmpdir(), 'chispa-ptys');

/** `deviceDirs` for code that opens ports (main/serial/open-port.ts): the pty links may be opened. */
export const ptyDeviceDirs: readonly string[] = [ptyLinkRoot];

const newPairDir = (): string => {
  mkdirSync(ptyLinkRoot, { recursive: true });
  return mkdtempSync(join(ptyLinkRoot, 'pair-'));
};

export const createPtyPair = async (dir = newPairDir()): Promise<PtyPair> => {
  const appPath = join(dir, 'app');
  const devicePath = join(dir, 'device');
  let child: ChildProcess | null = null;
  const plug = async (): Promise<void> => {
    if (child) return;
    const started = spawn(
      'socat',
      ['-d', '-d', `pty,raw,echo=0,link=${appPath}`, `pty,raw,echo=0,link=${devicePath}`],
      {
        stdio: 'ignore',
      },
    );
    child = started;
    const deadline = Date.now() + 5000;
    while (!(existsSync(appPath) && existsSync(devicePath))) {
      if (Date.now() > deadline || started.exitCode !== null)
        throw new Error('socat did not create the pty pair');
      await sleep(10);
    }
  };
  const unplug = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await exited;
  };
  await plug();
  return { appPath, devicePath, plug, unplug, dispose: unplug };
};

/** A device on the far end of the pty: bytes in from the app, bytes out to the app. */
export interface PtyDevice {
  write(bytes: Uint8Array): void;
  onData(listener: (bytes: Uint8Array) => void): void;
  close(): Promise<void>;
}

export const openPtyDevice = async (devicePath: string): Promise<PtyDevice> => {
  const port = new SerialPort({ path: devicePath, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  // The far end dies with socat; that is expected in unplug tests, not a test failure.
  port.on('error', () => undefined);
  return {
    write: (bytes) => {
      if (port.isOpen) port.write(Buffer.from(bytes));
    },
    onData: (listener) => port.on('data', (data: Buffer) => listener(new Uint8Array(data))),
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
};

/** The parts of a UART a bridge needs (the virtual Uno provides them). */
export interface UartEnd {
  /** Host → MCU bytes. */
  writeToMcu(bytes: Uint8Array): void;
  /** MCU → host bytes; returns an unsubscribe function. */
  onMcuBytes(listener: (bytes: Uint8Array) => void): () => void;
}

/** Connects the device end of a pty to a UART; returns a function that undoes it. */
export const bridgePtyToUart = async (devicePath: string, uart: UartEnd): Promise<() => Promise<void>> => {
  const device = await openPtyDevice(devicePath);
  device.onData((bytes) => uart.writeToMcu(bytes));
  const unsubscribe = uart.onMcuBytes((bytes) => device.write(bytes));
  return async () => {
    unsubscribe();
    await device.close();
  };
};
