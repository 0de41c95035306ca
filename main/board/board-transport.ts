/**
 * What the board service needs from "a way to reach a board": a byte stream firmata-io can read
 * and write. The source is pluggable per target kind (virtual Uno here, a serial port from
 * main/serial), so the layers above never know which one they talk to.
 */
import type { BoardTarget, PinSnapshot, VirtualInput } from '../../common/ipc/contract-board';
import type { FirmataStream } from './firmata-stream';

/** Extra controls only the virtual Uno has. */
export interface VirtualBoardControls {
  input(input: VirtualInput): void;
  onPins(listener: (snapshot: PinSnapshot) => void): () => void;
  /** Presses the board's reset button (the firmware restarts). */
  reset(): void;
}

/** An open transport, already passing bytes. */
export interface OpenedBoardTransport {
  stream: FirmataStream;
  /** Subscribes to an unexpected end (cable pulled, worker died). Returns an unsubscribe. */
  onLost(listener: (reason: Error) => void): () => void;
  /** The board's own clock in ms, when it differs from the wall clock (the virtual Uno's). */
  boardTimeMs?: () => number;
  /** Closes the port or stops the virtual board. Must not throw. */
  close(): Promise<void>;
  virtual?: VirtualBoardControls;
}

/**
 * Opens the transport for a target. Throw an AppError to end in a typed state: code
 * 'board.port-busy' gives state 'port-busy'; any other code gives 'error' with its message key.
 */
export type BoardTransportFactory = (target: BoardTarget) => Promise<OpenedBoardTransport>;
