/**
 * A real serial port as a board transport: its bytes in a FirmataStream for firmata-io. Opened at
 * 57600 with an exclusive lock; a DTR pulse restarts the board so the firmware announces itself,
 * and is skipped where the port has no modem lines (a pty). Emits 'lost' once when the cable is
 * pulled, and never throws an unhandled 'error'.
 */
import { EventEmitter } from 'node:events';
import type { SerialPort } from 'serialport';
import { FirmataStream } from '../board/firmata-stream';
import { closeQuietly, openSerialPort, pulseDtrReset } from './open-port';

export const FIRMATA_BAUD = 57600;

export interface SerialFirmataTransportOptions {
  /** Folders whose device links may be opened (open-port.ts `admitPortPath`). */
  deviceDirs: readonly string[];
  baudRate?: number;
  /** Pulse DTR after opening (restarts an Uno). Default true. */
  resetOnOpen?: boolean;
  /** Restarts the board another way after opening (tests: the simulator behind a pty). */
  resetHook?: () => Promise<void> | void;
}

export class SerialFirmataTransport extends EventEmitter {
  private closedByUs = false;
  private lostEmitted = false;
  /** Whether the DTR pulse worked (false on a pty). */
  dtrReset = false;
  /** What firmata-io reads and writes. */
  readonly stream: FirmataStream;

  private constructor(
    readonly path: string,
    private readonly port: SerialPort,
  ) {
    super();
    this.stream = new FirmataStream((bytes, done) => {
      if (!port.isOpen) return process.nextTick(done, new Error('port is closed'));
      port.write(bytes, (error) => done(error ?? null));
    });
    port.on('data', (data: Buffer) => this.stream.push(data));
    port.on('close', (error: Error | null) => {
      if (!this.closedByUs) this.markLost(error ?? new Error('port closed'));
    });
  }

  static async open(path: string, options: SerialFirmataTransportOptions): Promise<SerialFirmataTransport> {
    const port = await openSerialPort(path, options.baudRate ?? FIRMATA_BAUD, options.deviceDirs);
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

  /** The watcher saw the device vanish from the list before the port itself noticed. */
  markLost(reason: Error): void {
    if (this.lostEmitted || this.closedByUs) return;
    this.lostEmitted = true;
    this.emit('lost', reason);
    void closeQuietly(this.port);
  }

  async close(): Promise<void> {
    this.closedByUs = true;
    this.stream.close();
    await closeQuietly(this.port);
  }
}
