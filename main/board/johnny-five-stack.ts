/**
 * One johnny-five stack on one transport: FirmataStream → firmata-io → five.Board. Built fresh for every
 * connection (johnny-five cannot close and reopen a board). The handshake is bounded by our own
 * budget, in two phases counted on the board's clock: until the board first reports its version
 * (StandardFirmata blinks for ~2.1 s before it says anything; we ask again every second, since a
 * question sent while the bootloader ran is lost), then a fresh budget from that version for the
 * rest (firmware name, capabilities, analog mapping). johnny-five alone waits 10 s after
 * 'connect', or forever without it.
 */
import type { Logger } from '../app/logger';
import type { FirmataStream } from './firmata-stream';
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
  /**
   * Budget of each phase in ms of board time: until REPORT_VERSION, then from it until the
   * capability handshake finished.
   */
  timeoutMs: number;
  /**
   * The board's own clock in ms (the virtual Uno's simulated time, which a loaded PC slows down);
   * default: the wall clock, which is the board's for a real board. Whatever it says, a phase
   * ends after WALL_CAP_FACTOR × timeoutMs of wall time.
   */
  boardTimeMs?: () => number;
  logger: Logger;
  /** Resolves when the transport is lost; ends the handshake early. */
  lost?: Promise<unknown>;
}

/** firmata-io asks for the version itself after this long (its default of 5 s is too slow). */
const REPORT_VERSION_TIMEOUT_MS = 1000;
/** We ask again (version and firmware name) this often while the answer is missing. */
const ASK_AGAIN_MS = 1000;
const TICK_MS = 50;
/** A board clock that stalls (a hung worker) never stretches a phase beyond this many budgets. */
const WALL_CAP_FACTOR = 3;
/** Written straight to the stream: firmata-io's reportVersion()/queryFirmware() add a listener per call. */
const REPORT_VERSION = [0xf9];
const QUERY_FIRMWARE = [0xf0, 0x79, 0xf7];

export const connectJohnnyFive = (
  stream: FirmataStream,
  options: HandshakeOptions,
): Promise<HandshakeResult> => {
  const five = loadJohnnyFive();
  const io = new Firmata(stream, {
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
    // Cut loose without a 'close' (the transport's owner closes the port or worker).
    stream.removeAllListeners();
    stream.close();
    const internals = board as unknown as { timer?: ReturnType<typeof setTimeout> | null };
    if (internals.timer) clearTimeout(internals.timer);
    if (io.reportVersionTimeoutId) clearTimeout(io.reportVersionTimeoutId);
  };

  return new Promise<HandshakeResult>((resolve) => {
    let settled = false;
    const finish = (result: HandshakeResult) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      if (!result.ok) teardown();
      resolve(result);
    };
    const boardNow = options.boardTimeMs ?? (() => performance.now());
    let phase: 'version' | 'rest' = 'version';
    let phaseBoardStart = boardNow();
    let phaseWallStart = performance.now();
    let askedAt = phaseWallStart + REPORT_VERSION_TIMEOUT_MS; // firmata-io asks once by itself then
    const timer = setInterval(() => {
      const wall = performance.now();
      if (phase === 'version' && io.versionReceived) {
        phase = 'rest';
        phaseBoardStart = boardNow();
        phaseWallStart = wall;
      }
      const spent = boardNow() - phaseBoardStart;
      if (spent >= options.timeoutMs || wall - phaseWallStart >= WALL_CAP_FACTOR * options.timeoutMs) {
        finish({ ok: false, reason: io.versionReceived ? 'incomplete' : 'no-firmware' });
        return;
      }
      const missing = !io.versionReceived || io.firmware?.name === undefined;
      if (missing && wall - askedAt >= ASK_AGAIN_MS) {
        askedAt = wall;
        if (!io.versionReceived) stream.write(Buffer.from(REPORT_VERSION));
        stream.write(Buffer.from(QUERY_FIRMWARE));
      }
    }, TICK_MS);
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
        stack: { five, io, board, firmware, teardown, bytesWritten: () => stream.bytesWritten },
      });
    });
    stream.start((error) => {
      options.logger.warn('board: firmata-io could not parse the received bytes', error);
      // Start the parser afresh so one bad message does not poison the next ones.
      (io as unknown as { buffer: number[] }).buffer.length = 0;
    });
  });
};
