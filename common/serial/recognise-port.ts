/**
 * Turns what the OS lists for a serial port into what the connect dialog shows: a friendly
 * name, whether it is probably a board, and how to flash it. Pure; the listing is in main/serial.
 */
import { findUsbBoard, normaliseUsbId, type BoardChipGuess } from './usb-boards';

/** The fields serialport's list() gives (all optional but the path). */
export interface RawPortInfo {
  path: string;
  manufacturer?: string | null;
  serialNumber?: string | null;
  vendorId?: string | null;
  productId?: string | null;
}

export interface RecognisedPort {
  path: string;
  /** Locale key of the friendly name. */
  labelKey: string;
  /** English name for logs. */
  name: string;
  vendorId: string | null;
  productId: string | null;
  serialNumber: string | null;
  manufacturer: string | null;
  chip: BoardChipGuess;
  /** USB says it is a board or a USB-serial chip used on boards. */
  likelyBoard: boolean;
  /** Bootloader baud rates to try, most likely first; empty when we cannot flash it. */
  bootloaderBauds: number[];
  /** Guide section about the driver this chip needs on Windows/macOS, if any. */
  driverAnchor: string | null;
  /** Typed by hand rather than found in the list. */
  manual: boolean;
}

const DEFAULT_BAUDS = [115200, 57600];

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

export const recognisePort = (raw: RawPortInfo, options: { manual?: boolean } = {}): RecognisedPort => {
  const vendorId = normaliseUsbId(raw.vendorId);
  const productId = normaliseUsbId(raw.productId);
  const entry = findUsbBoard(vendorId, productId);
  const base = {
    path: raw.path,
    vendorId,
    productId,
    serialNumber: clean(raw.serialNumber),
    manufacturer: clean(raw.manufacturer),
    manual: options.manual ?? false,
  };
  if (entry) {
    return {
      ...base,
      labelKey: entry.labelKey,
      name: entry.name,
      chip: entry.chip,
      likelyBoard: true,
      bootloaderBauds: [...entry.bootloaderBauds],
      driverAnchor: entry.driverAnchor ?? null,
    };
  }
  if (vendorId) {
    // Some USB device we do not know: it may still be a clone, so offer it with the usual speeds.
    return {
      ...base,
      labelKey: 'serial.port.kind.usb-unknown',
      name: 'USB serial device',
      chip: 'unknown',
      likelyBoard: true,
      bootloaderBauds: DEFAULT_BAUDS,
      driverAnchor: null,
    };
  }
  return {
    ...base,
    labelKey: options.manual ? 'serial.port.kind.manual' : 'serial.port.kind.unknown',
    name: options.manual ? 'Port typed by hand' : 'Serial port',
    chip: 'unknown',
    likelyBoard: false,
    bootloaderBauds: DEFAULT_BAUDS,
    driverAnchor: null,
  };
};

/** Boards first, then by path, so the likely choice is on top of the dialog. */
export const sortPorts = (ports: readonly RecognisedPort[]): RecognisedPort[] =>
  [...ports].sort((a, b) => Number(b.likelyBoard) - Number(a.likelyBoard) || a.path.localeCompare(b.path));

/**
 * Whether a port that appeared is the board that was lost: the same path, or the same USB serial
 * number (a board replugged into another socket gets a new path). CH340 clones have no serial
 * number, so for them only the path counts.
 */
export const isSameBoard = (
  lost: Pick<RecognisedPort, 'path' | 'serialNumber' | 'vendorId' | 'productId'>,
  candidate: Pick<RecognisedPort, 'path' | 'serialNumber' | 'vendorId' | 'productId'>,
): boolean => {
  if (lost.path === candidate.path) return true;
  return (
    lost.serialNumber !== null &&
    lost.serialNumber === candidate.serialNumber &&
    lost.vendorId === candidate.vendorId &&
    lost.productId === candidate.productId
  );
};

export interface PortListDiff {
  added: RecognisedPort[];
  removed: RecognisedPort[];
}

/** What changed between two listings (by path). */
export const diffPortLists = (
  before: readonly RecognisedPort[],
  after: readonly RecognisedPort[],
): PortListDiff => {
  const beforePaths = new Set(before.map((port) => port.path));
  const afterPaths = new Set(after.map((port) => port.path));
  return {
    added: after.filter((port) => !beforePaths.has(port.path)),
    removed: before.filter((port) => !afterPaths.has(port.path)),
  };
};
