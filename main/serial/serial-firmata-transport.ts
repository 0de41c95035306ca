/**
 * A real serial port shaped as the transport firmata-io takes: on('data'), write(buf, cb) and an
 * 'open' event (without 'open' johnny-five waits forever). Opened at 57600 with an exclusive lock;
 * a DTR pulse restarts the board so the firmware announces itself, and is skipped where the port
 * has no modem lines (a pty). Emits 'lost' once when the cable is pulled, and never throws an
 * unhandled 'error'.
 */
import { EventEmitter } from 'node:events';
import type { SerialPort } from 'serialport';
import { closeQuietly, openSerialPort, pulseDtrReset } from './open-port';

export const FIRMATA_BAUD = 57600;

export interface SerialFirmataTransportOptions {
  baudRate?: number;
  /** Pulse DTR after opening (restarts an Uno). Default true. */
  resetOnOpen?: boolean;
  /** Restarts the board another way after opening (tests: the simulator behind a pty). */
  resetHook?: () => Promise<void> | void;
}

export class SerialFirmataTransport extends EventEmitter {
  private closedByUs = false;
  private lostEmitted = false;
  private openAnnounced = false;
  /** Whether the DTR pulse worked (false on a pty). */
  dtrReset = false;

  private constructor(
    readonly path: string,
    private readonly port: SerialPort,
  ) {
    super();
    // An 'error' with no listener would crash the process; log-level errors come via 'lost'.
    this.on('error', () => undefined);
    port.on('data', (data: Buffer) => this.emit('data', data));
    port.on('error', (error: Error) => this.emit('error', error));
    port.on('close', (error: (Error & { disconnected?: boolean }) | null) => {
      const disconnected = !this.closedByUs;
      if (disconnected) this.markLost(error ?? new Error('port closed'));
      this.emit('close', { disconnect: disconnected, disconnected });
    });
    // firmata-io subscribes to 'open' in its constructor: announce right after, once.
    this.on('newListener', (event: string) => {
      if (event !== 'open' || this.openAnnounced) return;
      this.openAnnounced = true;
      setImmediate(() => this.port.isOpen && this.emit('open'));
    });
  }

  static async open(
    path: string,
    options: SerialFirmataTransportOptions = {},
  ): Promise<SerialFirmataTransport> {
    const port = await openSerialPort(path, options.baudRate ?? FIRMATA_BAUD);
    const transport = new SerialFirmataTransport(path, port);
    if (options.resetOnOpen ?? true) transport.dtrReset = await pulseDtrReset(port, 50, 0);
    await options.resetHook?.();
    return transport;
  }

  get isOpen(): boolean {
    return this.port.isOpen;
  }

  get isLost(): boolean {
    return this.lostEmitted;
  }

  write(data: Buffer | number[], callback?: (error?: Error | null) => void): boolean {
    if (!this.port.isOpen) {
      const error = new Error('port is closed');
      if (callback) setImmediate(() => callback(error));
      return false;
    }
    return this.port.write(Buffer.from(data), (error) => callback?.(error ?? null));
  }

  /** The watcher saw the device vanish from the list before the port itself noticed. */
  markLost(reason: Error): void {
    if (this.lostEmitted || this.closedByUs) return;
    this.lostEmitted = true;
    this.emit('lost', reason);
    void closeQuietly(this.port);
  }

  async close(): Promise<void> {
    this.closedByUs = true;
    await closeQuietly(this.port);
  }
}
