/**
 * The board service's transport factory for { kind: 'serial' } targets: opens the port (57600,
 * locked, DTR reset where possible), takes the port's ownership as "connected", and reports the
 * cable being pulled (port closed under us, or the device vanishing from the port list).
 */
import { AppError } from '../../common/ipc/app-error';
import type { BoardTarget } from '../../common/ipc/contract-board';
import type { BoardTransportFactory, OpenedBoardTransport } from '../board/board-transport';
import type { PortOwnership } from './port-ownership';
import { SerialFirmataTransport } from './serial-firmata-transport';

export interface SerialTransportFactory {
  factory: BoardTransportFactory;
  /** The watcher saw `path` vanish: end its connection as lost. */
  markVanished(path: string): void;
  /** Paths with an open connection. */
  openPaths(): string[];
}

export const createSerialTransportFactory = (deps: {
  ownership: PortOwnership;
  /** Folders whose device links may be opened besides serial device names. */
  deviceDirs: readonly string[];
  /** Called with every path we open so the watcher notices it vanishing even if the OS never lists it. */
  watchPath?: (path: string) => void;
  /** Tests: restart the simulator behind a pty (no DTR there). */
  resetHook?: (path: string) => Promise<void> | void;
}): SerialTransportFactory => {
  const open = new Map<string, SerialFirmataTransport>();
  const factory = async (target: BoardTarget): Promise<OpenedBoardTransport> => {
    if (target.kind !== 'serial')
      throw new AppError('bad-request', { details: ['serial factory got a non-serial target'] });
    const { path } = target;
    let lease;
    try {
      lease = deps.ownership.claim(path, 'connected');
    } catch (error) {
      // Being flashed or used by another part of Chispa: for the board it is a busy port.
      throw toBoardError(error, path);
    }
    let transport: SerialFirmataTransport;
    try {
      transport = await SerialFirmataTransport.open(path, {
        deviceDirs: deps.deviceDirs,
        resetHook: deps.resetHook ? () => deps.resetHook!(path) : undefined,
      });
    } catch (error) {
      lease.release();
      throw toBoardError(error, path);
    }
    deps.watchPath?.(path);
    open.set(path, transport);
    const release = (): void => {
      // A program running on this port has lost its board: free the "running" claim as well.
      deps.ownership.setRunning(path, false);
      lease.release();
      if (open.get(path) === transport) open.delete(path);
    };
    transport.once('lost', release);
    return {
      stream: transport.stream,
      onLost(listener) {
        if (transport.isLost) {
          setImmediate(() => listener(new Error('serial port lost')));
          return () => undefined;
        }
        transport.on('lost', listener);
        return () => transport.off('lost', listener);
      },
      async close() {
        await transport.close().catch(() => undefined);
        release();
      },
    };
  };
  return {
    factory,
    markVanished(path) {
      open.get(path)?.markLost(new Error(`${path} vanished from the port list`));
    },
    openPaths: () => [...open.keys()],
  };
};

/** Board states come from codes: 'board.port-busy' → state port-busy; others → 'error' with our sentence. */
const toBoardError = (error: unknown, path: string): AppError => {
  if (!(error instanceof AppError))
    return new AppError('serial.open-failed', { params: { path }, cause: error });
  if (error.code === 'serial.port-busy' || error.code === 'serial.port-owned') {
    return new AppError('board.port-busy', {
      messageKey: error.messageKey,
      params: error.params,
      cause: error,
    });
  }
  return error;
};
