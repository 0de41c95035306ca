/**
 * The virtual Uno as a board transport: a worker thread running the kit firmware, its UART as
 * the byte stream, plus pin snapshots and input injection for the board panel.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../common/ipc/app-error';
import { startVirtualUno } from '../virtual-uno/virtual-uno';
import type { BoardTransportFactory, OpenedBoardTransport } from './board-transport';

export interface VirtualTransportOptions {
  /** Intel HEX the virtual Uno runs (normally firmware/chispa-firmata.hex). */
  firmwareHexPath: string;
}

export const createVirtualTransportFactory =
  (options: VirtualTransportOptions): BoardTransportFactory =>
  async (): Promise<OpenedBoardTransport> => {
    let flashHex: string;
    try {
      flashHex = await readFile(options.firmwareHexPath, 'utf8');
    } catch (error) {
      throw new AppError('board.firmware-missing', {
        messageKey: 'board.error.firmware-missing',
        cause: error,
      });
    }
    const uno = await startVirtualUno({ flashHex });
    const lostListeners = new Set<(reason: Error) => void>();
    uno.onExit((error) => {
      if (!error) return; // stopped by us
      for (const listener of lostListeners) listener(error);
    });
    return {
      stream: uno.transport,
      onLost(listener) {
        lostListeners.add(listener);
        return () => lostListeners.delete(listener);
      },
      close: () => uno.stop(),
      virtual: {
        input: (input) => uno.input(input),
        onPins: (listener) => uno.onPins(listener),
        reset: () => uno.reset(),
      },
    };
  };
