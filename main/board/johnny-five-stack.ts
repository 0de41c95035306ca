/**
 * One johnny-five stack on one transport: adapter → firmata-io → five.Board. Built fresh for every
 * connection (johnny-five cannot close and reopen a board). The handshake is bounded by our own
 * timer: johnny-five alone waits 10 s after 'connect', or forever without it.
 */
import type { Logger } from '../app/logger';
import { FirmataTransportAdapter, type BoardByteStream } from './board-transport';
import type { FirmwareIdentity } from './chispa-firmware';
import { Firmata, loadJohnnyFive, type FiveBoard, type FiveLibrary, type FirmataIo } from './vendor';

export interface JohnnyFiveStack {
  five: FiveLibrary;
  io: FirmataIo;
  board: FiveBoard;
  /** Firmware name and version from REPORT_FIRMWARE (null if the board sent none). */
  firmware: FirmwareIdentity | null;
  /** Cuts the stack off its transport and stops its timers. Idempotent. */
  teardown(): void;
  /** Bytes written to the board so far. */
  bytesWritten(): number;
}

export type HandshakeFailure =
  /** Nothing Firmata came back: no firmware, another program, garbage or silence. */
  | 'no-firmware'
  /** REPORT_VERSION came but the capability handshake never finished. */
  | 'incomplete'
  /** The transport ended during the handshake. */
  | 'lost';

export type HandshakeResult = { ok: true; stack: JohnnyFiveStack } | { ok: false; reason: HandshakeFailure };

export interface HandshakeOptions {
  /** Whole handshake budget in ms (REPORT_VERSION, firmware, capabilities, analog mapping). */
  timeoutMs: number;
  logger: Logger;
  /** Resolves when the transport is lost; ends the handshake early. */
  lost?: Promise<unknown>;
}

/** firmata-io asks for the version itself after this long (its default of 5 s is too slow). */
const REPORT_VERSION_TIMEOUT_MS = 1000;

export const connectJohnnyFive = (
  stream: BoardByteStream,
  options: HandshakeOptions,
): Promise<HandshakeResult> => {
  const five = loadJohnnyFive();
  const adapter = new FirmataTransportAdapter(stream, (error) => {
    options.logger.warn('board: firmata-io could not parse the received bytes', error);
    // Start the parser afresh so one bad message does not poison the next ones.
    (io as unknown as { buffer: number[] }).buffer.length = 0;
  });
  const io = new Firmata(adapter, {
    reportVersionTimeout: REPORT_VERSION_TIMEOUT_MS,
    skipCapabilities: false,
  });
  // Late or stray errors must never become an unhandled 'error' event.
  io.on('error', (error: Error) => options.logger.warn('board: firmata-io error', error));
  const board = new five.Board({
    io,
    repl: false,
    debug: false,
    sigint: false,
    // Our timer ends the handshake first; this one only matters if ours were cleared.
    timeout: options.timeoutMs + 5000,
  });
  board.on('error', (error: Error) => options.logger.warn('board: johnny-five error', error));

  let tornDown = false;
  const teardown = () => {
    if (tornDown) return;
    tornDown = true;
    adapter.detach();
    const internals = board as unknown as { timer?: ReturnType<typeof setTimeout> | null };
    if (internals.timer) clearTimeout(internals.timer);
    if (io.reportVersionTimeoutId) clearTimeout(io.reportVersionTimeoutId);
  };

  return new Promise<HandshakeResult>((resolve) => {
    let settled = false;
    const finish = (result: HandshakeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) teardown();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: io.versionReceived ? 'incomplete' : 'no-firmware' }),
      options.timeoutMs,
    );
    options.lost?.then(
      () => finish({ ok: false, reason: 'lost' }),
      () => finish({ ok: false, reason: 'lost' }),
    );
    board.once('ready', () => {
      const reported = io.firmware;
      const firmware =
        reported?.name !== undefined && reported.version
          ? {
              name: reported.name.replace(/\.ino$/i, ''),
              major: reported.version.major,
              minor: reported.version.minor,
            }
          : null;
      finish({
        ok: true,
        stack: { five, io, board, firmware, teardown, bytesWritten: () => adapter.bytesWritten },
      });
    });
    adapter.start();
  });
};
