/**
 * Real boards over serial, as one service: port list and hot-plug watch, the board service's
 * serial transport, port ownership, automatic reconnect, Prepare board and diagnosis.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIntelHex } from '../../common/intel-hex';
import { AppError } from '../../common/ipc/app-error';
import type { BoardStatus } from '../../common/ipc/contract-board';
import type { Locale } from '../../common/i18n/locale';
import type { DiagnosisFinding } from '../../common/serial/diagnosis';
import { deviceDirsFromEnv } from '../../common/serial/typed-port-path';
import { diagnoseSerial, type DiagnoseEnvironment } from './diagnose';
import { createRepeatedFailureLog } from '../app/logger';
import { createPortLister, type ListRawPorts, type PortListing } from './port-lister';
import { admitPortPath, portNotFound } from './open-port';
import { createPortOwnership, type PortOwnership } from './port-ownership';
import { createPortWatcher, type PortWatcher } from './port-watcher';
import {
  createReconnectSupervisor,
  type BoardControl,
  type ReconnectSupervisor,
} from './reconnect-supervisor';
import { createSerialTransportFactory, type SerialTransportFactory } from './serial-board-transport';
import { uploadFirmware, type FlashProgress, type UploadResult } from './stk500-uploader';

/** lessons/guides/ next to the sources, in the packaged app's resources, or under the cwd. */
export const defaultGuideDir = (): string => {
  const candidates: string[] = [];
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, 'lessons', 'guides'));
  try {
    candidates.push(fileURLToPath(new URL('../../lessons/guides', import.meta.url)));
  } catch {
    // CommonJS bundle: no import.meta.url
  }
  candidates.push(join(process.cwd(), 'lessons', 'guides'));
  return candidates.find((dir) => existsSync(dir)) ?? candidates[candidates.length - 1];
};

export interface SerialServiceOptions {
  /** The kit firmware hex (main/board/firmware-path.ts finds it). */
  firmwarePath: string;
  listRaw?: ListRawPorts;
  pollMs?: number;
  guideDir?: string;
  /** Tests and bench: how to restart the board behind a pty (no DTR; nor a speed: lineBaud). */
  resetIntoBootloader?: (path: string, lineBaud: number) => Promise<void> | void;
  resetOnConnect?: (path: string) => Promise<void> | void;
  diagnoseEnv?: DiagnoseEnvironment;
  onProgress?: (progress: FlashProgress & { path: string }) => void;
  onPorts?: (listing: PortListing) => void;
  log?: (message: string, error?: unknown) => void;
  /** Folders whose device links may be typed as ports; default: CHISPA_SERIAL_DEVICE_DIRS. */
  deviceDirs?: string[];
}

export interface SerialService {
  ownership: PortOwnership;
  watcher: PortWatcher;
  transports: SerialTransportFactory;
  listPorts(): Promise<PortListing>;
  addManualPort(path: string): Promise<PortListing>;
  /** Wires reconnect and Prepare board to the board service (called once it exists). */
  attachBoard(board: BoardControl): void;
  /** Feed 'board.state' events here (reconnect after a pulled cable). */
  onBoardState(status: BoardStatus): void;
  prepareBoard(path: string): Promise<UploadResult & { status: BoardStatus }>;
  diagnose(path: string | null): Promise<DiagnosisFinding[]>;
  guide(locale: Locale): Promise<string>;
  dispose(): void;
}

export const createSerialService = (options: SerialServiceOptions): SerialService => {
  const log = options.log ?? (() => undefined);
  const ownership = createPortOwnership();
  // Polled every 1.5 s: a lasting failure is logged once, then a short line every few minutes.
  const listFailure = createRepeatedFailureLog(log, 'serial: port list failed');
  const lister = createPortLister({
    listRaw: options.listRaw,
    onError: (error) => listFailure.failed(error),
    onSuccess: () => listFailure.recovered(),
  });
  const watcher = createPortWatcher({ list: lister, intervalMs: options.pollMs });
  const deviceDirs = options.deviceDirs ?? deviceDirsFromEnv(process.env.CHISPA_SERIAL_DEVICE_DIRS);
  const transports = createSerialTransportFactory({
    ownership,
    deviceDirs,
    watchPath: (path) => watcher.addManualPath(path),
    resetHook: options.resetOnConnect,
  });
  let board: BoardControl | null = null;
  let supervisor: ReconnectSupervisor | null = null;
  const unwatch = watcher.onChange((listing, diff) => {
    // A connected board that vanished from the list: the cable was pulled.
    for (const removed of diff.removed) transports.markVanished(removed.path);
    options.onPorts?.(listing);
  });

  // A typed path: the same answer for one that is not a serial device name and one not there.
  const manualNotFound = 'connect.manual.error.not-found';

  const loadFirmware = async (): Promise<Uint8Array> => {
    const path = options.firmwarePath;
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      throw new AppError('serial.firmware-missing', { params: { path }, cause: error });
    });
    return parseIntelHex(text).data;
  };

  return {
    ownership,
    watcher,
    transports,
    listPorts: () => watcher.refresh(),
    async addManualPort(path) {
      admitPortPath(path, deviceDirs, manualNotFound);
      watcher.addManualPath(path);
      const listing = await watcher.refresh();
      // Still watched: a board plugged in later shows up in the list.
      if (!listing.ports.some((port) => port.path === path)) throw portNotFound(path, manualNotFound);
      return listing;
    },
    attachBoard(control) {
      board = control;
      supervisor?.dispose();
      supervisor = createReconnectSupervisor({
        board: control,
        watcher,
        onReconnect: (path, status) => log(`serial: reconnected ${path}: ${status.state}`),
        onError: (error) => log('serial: reconnect failed', error),
      });
      watcher.start();
    },
    onBoardState(status) {
      supervisor?.onBoardState(status);
    },
    async prepareBoard(path) {
      // Before the port's owner or the board is touched (uploadFirmware opens through it too).
      admitPortPath(path, deviceDirs);
      // A running program keeps its port: refuse rather than stop a child's program unasked.
      const owner = ownership.ownerOf(path);
      if (owner === 'running' || owner === 'flashing') ownership.claim(path, 'flashing');
      const image = await loadFirmware();
      const resume = supervisor?.pause() ?? (() => undefined);
      try {
        const current = board?.status();
        if (
          board &&
          current?.target?.kind === 'serial' &&
          current.target.path === path &&
          current.state !== 'idle'
        ) {
          await board.disconnect();
        }
        const lease = ownership.claim(path, 'flashing');
        let result: UploadResult;
        try {
          const known = (await watcher.current()).ports.find((port) => port.path === path);
          result = await uploadFirmware({
            path,
            deviceDirs,
            image,
            bauds: known?.bootloaderBauds.length ? known.bootloaderBauds : undefined,
            resetIntoBootloader: options.resetIntoBootloader
              ? async (port) => options.resetIntoBootloader!(path, port.baudRate)
              : undefined,
            onProgress: (progress) => options.onProgress?.({ ...progress, path }),
          });
        } finally {
          lease.release();
        }
        const status = board ? await board.connect({ kind: 'serial', path }) : idleStatus(path);
        return { ...result, status };
      } finally {
        resume();
      }
    },
    async diagnose(path) {
      if (path !== null) admitPortPath(path, deviceDirs);
      const listing = await watcher.refresh();
      return diagnoseSerial({
        path,
        deviceDirs,
        listing,
        ownedByChispa: path !== null && ownership.ownerOf(path) !== null,
        env: options.diagnoseEnv,
      });
    },
    async guide(locale) {
      const file = join(options.guideDir ?? defaultGuideDir(), `serial-troubleshooting.${locale}.md`);
      return readFile(file, 'utf8').catch((error: unknown) => {
        throw new AppError('not-found', { cause: error, details: ['troubleshooting guide'] });
      });
    },
    dispose() {
      unwatch();
      supervisor?.dispose();
      watcher.stop();
    },
  };
};

const idleStatus = (path: string): BoardStatus => ({
  state: 'idle',
  target: { kind: 'serial', path },
  firmware: null,
  messageKey: null,
  canPrepare: false,
});
