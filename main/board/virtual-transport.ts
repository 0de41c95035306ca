/**
 * The virtual Uno as a board transport: a worker thread running the kit firmware, its UART as
 * the byte stream, plus pin snapshots and input injection for the board panel.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../common/ipc/app-error';
import { startVirtualUno, type VirtualUno } from '../virtual-uno/virtual-uno';
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
    const clock = simulatedClock(uno);
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
      boardTimeMs: clock,
      close: () => uno.stop(),
      virtual: {
        input: (input) => uno.input(input),
        onPins: (listener) => uno.onPins(listener),
        reset: () => uno.reset(),
      },
    };
  };

/** Snapshots older than this are not extrapolated further (a stalled worker's clock stands still). */
const MAX_EXTRAPOLATION_MS = 1000;

/**
 * Simulated time of the running virtual Uno, from its pin snapshots (~30 a second while pins
 * change, one a second otherwise), carried forward at real-time speed between two snapshots: the
 * simulator never runs faster than the wall clock, only slower on a loaded PC.
 */
const simulatedClock = (uno: VirtualUno): (() => number) => {
  let simMs = 0;
  let wallAt = performance.now();
  uno.onPins((snapshot) => {
    simMs = snapshot.simTimeMs;
    wallAt = performance.now();
  });
  let last = 0;
  return () => {
    // Never backwards: a snapshot can report less than the extrapolation guessed.
    last = Math.max(last, simMs + Math.min(performance.now() - wallAt, MAX_EXTRAPOLATION_MS));
    return last;
  };
};
