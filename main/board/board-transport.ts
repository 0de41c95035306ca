/**
 * What the board service needs from "a way to reach a board": a byte stream firmata-io can read
 * and write. The source is pluggable per target kind (virtual Uno here, a serial port from
 * main/serial), so the layers above never know which one they talk to.
 */
import { EventEmitter } from 'node:events';
import type { BoardTarget, PinSnapshot, VirtualInput } from '../../common/ipc/contract-board';

/** The firmata-io side of a transport: data in, writes out (callback always called). */
export interface BoardByteStream {
  on(event: 'data', listener: (data: Buffer | Uint8Array) => void): unknown;
  off?(event: 'data', listener: (data: Buffer | Uint8Array) => void): unknown;
  removeListener?(event: 'data', listener: (data: Buffer | Uint8Array) => void): unknown;
  write(data: Buffer, callback?: (error?: Error | null) => void): unknown;
}

/** Extra controls only the virtual Uno has. */
export interface VirtualBoardControls {
  input(input: VirtualInput): void;
  onPins(listener: (snapshot: PinSnapshot) => void): () => void;
  /** Presses the board's reset button (the firmware restarts). */
  reset(): void;
}

/** An open transport, already passing bytes. */
export interface OpenedBoardTransport {
  stream: BoardByteStream;
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

/**
 * The object handed to firmata-io. It keeps bytes that arrived before firmata-io was built (the
 * boot REPORT_VERSION), announces 'open' only once firmata-io listens (without 'open' johnny-five
 * waits forever), and can be cut loose so a torn-down stack never sees another byte.
 */
export class FirmataTransportAdapter extends EventEmitter {
  private early: Buffer[] = [];
  private started = false;
  private detached = false;
  /** Bytes handed to the stream so far (the board session paces commands by them). */
  bytesWritten = 0;
  private readonly onData = (data: Buffer | Uint8Array): void => {
    if (this.detached) return;
    const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data);
    if (this.started) this.deliver(buffer);
    else this.early.push(buffer);
  };

  /**
   * @param onParseError called when firmata-io's parser threw on the bytes (garbage on the line);
   *   the exception must not escape into the serial port's or worker's event emitter.
   */
  constructor(
    private readonly stream: BoardByteStream,
    private readonly onParseError: (error: unknown) => void = () => undefined,
  ) {
    super();
    stream.on('data', this.onData);
  }

  private deliver(buffer: Buffer): void {
    try {
      this.emit('data', buffer);
    } catch (error) {
      this.onParseError(error);
    }
  }

  /** Call right after `new Firmata(adapter)`: replays early bytes and announces 'open'. */
  start(): void {
    if (this.started || this.detached) return;
    this.started = true;
    this.emit('open');
    const early = this.early;
    this.early = [];
    for (const buffer of early) this.deliver(buffer);
  }

  write(data: Buffer, callback?: (error?: Error | null) => void): boolean {
    if (this.detached) {
      if (callback) setImmediate(() => callback(new Error('board transport closed')));
      return false;
    }
    this.bytesWritten += data.length;
    this.stream.write(data, (error) => callback?.(error ?? null));
    return true;
  }

  /** Stops all traffic both ways and drops listeners. */
  detach(): void {
    if (this.detached) return;
    this.detached = true;
    this.early = [];
    if (this.stream.off) this.stream.off('data', this.onData);
    else this.stream.removeListener?.('data', this.onData);
    this.removeAllListeners();
  }
}
