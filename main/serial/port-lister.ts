/**
 * Lists serial ports and recognises boards. serialport's list() shells out to `udevadm` on Linux
 * and rejects without it; a failing list must never crash the app: we fall back to the device
 * names in /dev (no USB ids then) and say so, and the user can always type a path.
 */
import { readdir } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import {
  recognisePort,
  sortPorts,
  type RawPortInfo,
  type RecognisedPort,
} from '../../common/serial/recognise-port';

export interface PortListing {
  ports: RecognisedPort[];
  /** Locale key when the list is missing or partial ("serial.list.failed" / "serial.list.partial"). */
  problemKey: string | null;
}

export type ListRawPorts = () => Promise<RawPortInfo[]>;

const DEV_SERIAL = /^tty(ACM|USB|AMA|WCH|XRUSB)\d+$|^cu\.(usbmodem|usbserial|wchusbserial|SLAB_USBtoUART)/;

/** Board-like device nodes in /dev, for when the OS listing fails (Linux and macOS). */
export const scanDevForSerialPorts = async (devDir = '/dev'): Promise<RawPortInfo[]> => {
  const names = await readdir(devDir);
  return names.filter((name) => DEV_SERIAL.test(name)).map((name) => ({ path: `${devDir}/${name}` }));
};

export const createPortLister = (
  options: {
    listRaw?: ListRawPorts;
    scanDev?: () => Promise<RawPortInfo[]>;
    onError?: (error: unknown) => void;
    onSuccess?: () => void;
  } = {},
) => {
  const listRaw = options.listRaw ?? (() => SerialPort.list());
  const scanDev =
    options.scanDev ?? (process.platform === 'win32' ? async () => [] : () => scanDevForSerialPorts());
  return async (): Promise<PortListing> => {
    try {
      const raw = await listRaw();
      options.onSuccess?.();
      return { ports: sortPorts(raw.map((port) => recognisePort(port))), problemKey: null };
    } catch (error) {
      options.onError?.(error);
      const fallback = await scanDev().catch(() => []);
      return {
        ports: sortPorts(fallback.map((port) => recognisePort(port))),
        problemKey: fallback.length ? 'serial.list.partial' : 'serial.list.failed',
      };
    }
  };
};
