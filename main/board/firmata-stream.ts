/**
 * A board's byte stream shaped the way firmata-io takes a transport: on('data'), write(buffer,
 * callback) that always calls back, and one 'open' event — without 'open' johnny-five waits
 * forever. Every transport (serial port, virtual Uno, the lesson checks' in-process core) pushes
 * the bytes the board sent into one of these and hands it on.
 *
 * A board speaks as soon as it boots (REPORT_VERSION), usually before anyone listens: bytes are
 * held while no 'data' listener is there (a real UART would drop them) and replayed, in order,
 * by start(), which the consumer calls right after `new Firmata(stream)`, or as soon as a 'data'
 * listener is added after start(). close() cuts it loose, so a torn-down stack never sees
 * another byte.
 */
import { EventEmitter } from 'node:events';

/** Where written bytes go; `done` is called once they are on their way (or failed). */
export type FirmataStreamSink = (bytes: Buffer, done: (error: Error | null) => void) => void;

/** Bytes held for a listener that is not there yet; older ones are dropped past this. */
const MAX_HELD_BYTES = 64 * 1024;

export class FirmataStream extends EventEmitter {
  /** Bytes handed to the sink so far (the board session paces commands by them). */
  bytesWritten = 0;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private started = false;
  private closed = false;
  private onParseError: (error: unknown) => void = () => undefined;

  constructor(private readonly sink: FirmataStreamSink) {
    super();
    this.on('newListener', (event: string) => {
      if (event === 'data' && this.started && this.held.length > 0) setImmediate(() => this.flush());
    });
  }

  /** True until close(). */
  get isOpen(): boolean {
    return !this.closed;
  }

  /** Bytes the board sent. */
  push(data: Buffer | Uint8Array): void {
    if (this.closed) return;
    const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (this.started && this.held.length === 0 && this.listenerCount('data') > 0) {
      this.deliver(buffer);
      return;
    }
    this.held.push(buffer);
    this.heldBytes += buffer.length;
    while (this.heldBytes > MAX_HELD_BYTES && this.held.length > 1)
      this.heldBytes -= this.held.shift()!.length;
  }

  /**
   * The consumer listens: announces 'open' (once) and replays the held bytes, synchronously.
   * @param onParseError called when a 'data' listener threw (firmata-io's parser on garbage); the
   *   exception must not escape into the serial port's or worker's event emitter.
   */
  start(onParseError?: (error: unknown) => void): void {
    if (this.started || this.closed) return;
    if (onParseError) this.onParseError = onParseError;
    this.started = true;
    this.emit('open');
    this.flush();
  }

  write(data: Buffer | Uint8Array | number[], callback?: (error?: Error | null) => void): boolean {
    if (this.closed) {
      if (callback) process.nextTick(callback, new Error('board stream is closed'));
      return false;
    }
    const buffer = Buffer.from(data as Uint8Array);
    this.bytesWritten += buffer.length;
    this.sink(buffer, (error) => callback?.(error));
    return true;
  }

  /** Stops all traffic both ways, drops what is held, says 'close' and forgets its listeners. */
  close(callback?: (error?: Error | null) => void): void {
    if (!this.closed) {
      this.closed = true;
      this.held = [];
      this.heldBytes = 0;
      this.emit('close');
      this.removeAllListeners();
    }
    if (callback) process.nextTick(callback, null);
  }

  private flush(): void {
    if (this.held.length === 0 || this.closed || this.listenerCount('data') === 0) return;
    const buffer = this.held.length === 1 ? this.held[0] : Buffer.concat(this.held);
    this.held = [];
    this.heldBytes = 0;
    this.deliver(buffer);
  }

  private deliver(buffer: Buffer): void {
    try {
      this.emit('data', buffer);
    } catch (error) {
      this.onParseError(error);
    }
  }
}
