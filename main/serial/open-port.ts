/**
 * Opens a serial port with an exclusive lock and turns the OS's failures into stable codes the
 * user can act on (busy, permission, missing). Also the DTR reset pulse, which a pty or some
 * adapters refuse ("Inappropriate ioctl"): that is not an error, the caller resets another way.
 *
 * Every path a call names (a student's devtools can name any) passes `admitPortPath` before
 * anything opens it or looks at the disk: a path that is not a serial device name gets exactly
 * the answer a missing port gets, so no call tells whether some other file exists.
 */
import { SerialPort } from 'serialport';
import { AppError } from '../../common/ipc/app-error';
import { isTypedPortPath } from '../../common/serial/typed-port-path';

/** The one answer for "no such port": a missing device and a refused path alike. */
export const portNotFound = (path: string, messageKey?: string): AppError =>
  new AppError('serial.port-not-found', { messageKey, params: { path: path.slice(0, 80) } });

/**
 * Throws `portNotFound` unless `path` names a serial device (or a link in one of `deviceDirs`,
 * common/serial/typed-port-path.ts).
 */
export const admitPortPath = (path: string, deviceDirs: readonly string[], messageKey?: string): void => {
  if (!isTypedPortPath(path, deviceDirs)) throw portNotFound(path, messageKey);
};

export type PortOpenErrorCode =
  'serial.port-busy' | 'serial.permission-denied' | 'serial.port-not-found' | 'serial.open-failed';

/** Maps an open() failure to a code. "Cannot lock port" is another process holding our lock. */
export const classifyOpenError = (error: unknown): PortOpenErrorCode => {
  const err = error as { code?: string; message?: string } | null;
  const text = `${err?.code ?? ''} ${err?.message ?? ''}`;
  if (/EBUSY|lock|Resource temporarily unavailable|Access denied|EAGAIN/i.test(text))
    return 'serial.port-busy';
  if (/EACCES|EPERM|Permission denied/i.test(text)) return 'serial.permission-denied';
  if (/ENOENT|No such file|cannot find|File not found/i.test(text)) return 'serial.port-not-found';
  return 'serial.open-failed';
};

export const openSerialPort = (
  path: string,
  baudRate: number,
  deviceDirs: readonly string[],
): Promise<SerialPort> =>
  new Promise((resolve, reject) => {
    admitPortPath(path, deviceDirs);
    const port = new SerialPort({ path, baudRate, lock: true, autoOpen: false, hupcl: true });
    // A pulled cable surfaces as 'error' (EIO on write) besides 'close'; without a listener the
    // process would crash. Writers see the error in their callbacks; owners listen to 'close'.
    port.on('error', () => undefined);
    port.open((error) => {
      if (!error) return resolve(port);
      const code = classifyOpenError(error);
      if (code === 'serial.port-not-found') return reject(portNotFound(path));
      reject(new AppError(code, { params: { path }, cause: error }));
    });
  });

const setLines = (port: SerialPort, lines: { dtr: boolean; rts: boolean }): Promise<void> =>
  new Promise((resolve, reject) => port.set(lines, (error) => (error ? reject(error) : resolve())));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Pulses DTR/RTS low then high, which resets an Uno or Nano through its auto-reset capacitor.
 * Returns false when the port has no modem lines (a pty, some Bluetooth adapters).
 */
export const pulseDtrReset = async (port: SerialPort, lowMs = 100, settleMs = 50): Promise<boolean> => {
  try {
    await setLines(port, { dtr: false, rts: false });
    await sleep(lowMs);
    await setLines(port, { dtr: true, rts: true });
    await sleep(settleMs);
    return true;
  } catch {
    return false;
  }
};

export const closeQuietly = (port: SerialPort): Promise<void> =>
  new Promise((resolve) => {
    if (!port.isOpen) return resolve();
    port.close(() => resolve());
  });
