/**
 * The virtual Uno's serial port as firmata-io wants a transport (docs/architecture.md, "The virtual Uno"): an EventEmitter
 * with on('data'), write(buf, cb) that calls cb, and an 'open' event — without 'open' johnny-five
 * waits forever. Because the board boots (and sends REPORT_VERSION) as soon as the worker starts,
 * possibly before anyone listens, received bytes are kept until the first 'data' listener and
 * 'open' is delivered to a listener that subscribes after the board became ready.
 */
import { EventEmitter } from 'node:events';

/** Bytes kept for a 'data' listener that is not there yet (a real UART would drop them). */
const MAX_UNHEARD_BYTES = 64 * 1024;

export class VirtualUnoTransport extends EventEmitter {
  /** True between the board becoming ready and close(). */
  isOpen = false;
  private closed = false;
  private openEmitted = false;
  private unheard: Buffer[] = [];
  private unheardBytes = 0;

  constructor(private readonly send: (bytes: Uint8Array) => void) {
    super();
    this.on('newListener', (event: string) => {
      if (event === 'open' && this.isOpen && !this.openEmitted) setImmediate(() => this.emitOpen());
      if (event === 'data' && this.unheard.length > 0) setImmediate(() => this.flushUnheard());
    });
  }

  write(data: Buffer | Uint8Array | number[], callback?: (error?: Error | null) => void): boolean {
    if (this.closed) {
      const error = new Error('virtual Uno transport is closed');
      if (callback) process.nextTick(callback, error);
      return false;
    }
    this.send(Uint8Array.from(data));
    if (callback) process.nextTick(callback, null);
    return true;
  }

  close(callback?: (error?: Error | null) => void): void {
    if (!this.closed) {
      this.closed = true;
      this.isOpen = false;
      this.unheard = [];
      this.emit('close');
    }
    if (callback) process.nextTick(callback, null);
  }

  /** @internal Called by the handle when the worker reports ready. */
  markReady(): void {
    if (this.closed) return;
    this.isOpen = true;
    if (this.listenerCount('open') > 0) setImmediate(() => this.emitOpen());
  }

  /** @internal Bytes the firmware transmitted. */
  receive(bytes: Uint8Array): void {
    if (this.closed) return;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.listenerCount('data') > 0 && this.unheard.length === 0) {
      this.emit('data', buffer);
      return;
    }
    this.unheard.push(buffer);
    this.unheardBytes += buffer.length;
    while (this.unheardBytes > MAX_UNHEARD_BYTES && this.unheard.length > 1) {
      this.unheardBytes -= this.unheard.shift()!.length;
    }
    if (this.listenerCount('data') > 0) setImmediate(() => this.flushUnheard());
  }

  private emitOpen(): void {
    if (this.openEmitted || !this.isOpen) return;
    this.openEmitted = true;
    this.emit('open');
  }

  private flushUnheard(): void {
    if (this.unheard.length === 0 || this.listenerCount('data') === 0 || this.closed) return;
    const buffer = Buffer.concat(this.unheard);
    this.unheard = [];
    this.unheardBytes = 0;
    this.emit('data', buffer);
  }
}
