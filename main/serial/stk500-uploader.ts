/**
 * Prepare board: writes a flash image through the Arduino bootloader (STK500v1). Order matters
 * for safety: sync, then the chip signature is checked BEFORE any write, then pages are written,
 * then every page is read back and compared byte for byte. Errors carry stable codes the guide
 * explains (common/serial/error-guide.ts).
 */
import type { SerialPort } from 'serialport';
import { AppError } from '../../common/ipc/app-error';
import * as cmd from '../../common/stk500/commands';
import {
  ATMEGA328P_APP_BYTES,
  ATMEGA328P_PAGE_SIZE,
  ATMEGA328P_SIGNATURE,
} from '../../common/stk500/constants';
import {
  firstMismatch,
  fitsBelowBootloader,
  formatSignature,
  paginate,
} from '../../common/stk500/flash-pages';
import { closeQuietly, openSerialPort, pulseDtrReset } from './open-port';
import { createStk500Link, Stk500Failure, type Stk500Link } from './stk500-link';

export type FlashPhase = 'connecting' | 'checking' | 'writing' | 'verifying' | 'done';

export interface FlashProgress {
  phase: FlashPhase;
  /** 0..100 over the whole job (write + verify). */
  percent: number;
}

export interface UploadOptions {
  path: string;
  /** Folders whose device links may be opened besides serial device names (open-port.ts). */
  deviceDirs: readonly string[];
  /** Flat image from address 0 (parseIntelHex(...).data). */
  image: Uint8Array;
  /** Bootloader speeds to try in order: Uno optiboot 115200, old Nano bootloader 57600. */
  bauds?: readonly number[];
  /**
   * Puts the board in its bootloader after the port is open. Default: a DTR pulse. A pty (tests,
   * the virtual Uno) has no DTR, so tests pass a hook that resets the simulator.
   */
  resetIntoBootloader?: (port: SerialPort) => Promise<void>;
  onProgress?: (progress: FlashProgress) => void;
  /** GET_SYNC attempts per speed (each waits syncTimeoutMs). */
  syncAttempts?: number;
  syncTimeoutMs?: number;
  /**
   * Wait for the first GET_SYNC after a reset. Optiboot blinks the LED for ~0.4 s before it
   * listens; the UART holds only 2 bytes meanwhile, so one patient try beats many short ones.
   */
  firstSyncTimeoutMs?: number;
  commandTimeoutMs?: number;
}

export interface UploadResult {
  baudRate: number;
  signature: string;
  bytes: number;
  pages: number;
  durationMs: number;
}

const SIGNATURE = formatSignature(ATMEGA328P_SIGNATURE);

const failureError = (failure: Stk500Failure, path: string): AppError =>
  // A write that fails (EIO) or a port that closes mid-exchange: the cable was pulled.
  failure.kind === 'closed' || failure.kind === 'write'
    ? new AppError('serial.disconnected', { params: { path, step: failure.command }, cause: failure })
    : timeoutError(failure, path);

const timeoutError = (failure: Stk500Failure, path: string): AppError =>
  new AppError('serial.timeout', { params: { path, step: failure.command }, cause: failure });

/**
 * Tries GET_SYNC until the bootloader answers. Earlier attempts that timed out may still be
 * answered late (a slow or just-restarted bootloader works through what is queued), so those
 * late answers are drained (each is INSYNC OK) before one more exchange confirms that answers
 * now line up with commands.
 */
const syncWith = async (
  link: Stk500Link,
  attempts: number,
  timeoutMs: number,
  firstTimeoutMs: number,
  pending: { unanswered: number },
): Promise<boolean> => {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      const sentAt = performance.now();
      await link.send(cmd.getSync(), attempt === 0 ? firstTimeoutMs : timeoutMs);
      const roundTripMs = performance.now() - sentAt;
      if (pending.unanswered > 0) {
        const { unanswered } = pending;
        await link.drainUntilQuiet(
          Math.max(50, 4 * roundTripMs),
          timeoutMs * (unanswered + 2),
          unanswered * 2,
        );
        pending.unanswered = 0;
      }
      const confirmAt = performance.now();
      await link.send(cmd.getSync(), timeoutMs);
      // A live bootloader answers this one at once: a short quiet window shows nothing else is queued.
      const quietMs = Math.max(10, 2 * (performance.now() - confirmAt));
      if ((await link.drainUntilQuiet(quietMs, 200)) === 0) return true;
    } catch (error) {
      if (!(error instanceof Stk500Failure)) throw error;
      if (error.kind === 'timeout') pending.unanswered += 1;
    }
  }
  return false;
};

/** Reading is harmless to repeat: a late answer to an old GET_SYNC can garble the first try. */
const readSignatureWithRetry = async (link: Stk500Link, timeoutMs: number): Promise<Uint8Array> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await link.send(cmd.readSignature(), timeoutMs);
    } catch (error) {
      if (!(error instanceof Stk500Failure) || attempt >= 3) throw error;
      await link.drainUntilQuiet(50, 500);
    }
  }
};

interface Session {
  port: SerialPort;
  link: Stk500Link;
  baudRate: number;
}

/** Opens at each speed in turn, resets into the bootloader and syncs. */
const connectToBootloader = async (options: UploadOptions, bauds: readonly number[]): Promise<Session> => {
  let sawJunk = false;
  for (const baudRate of bauds) {
    const port = await openSerialPort(options.path, baudRate, options.deviceDirs);
    const link = createStk500Link(port);
    port.once('close', () => link.markClosed());
    // GET_SYNCs that timed out, across resets: a bootloader may still answer them late.
    const pending = { unanswered: 0 };
    try {
      // Two resets per speed: junk left in the line can make a bootloader give up at once.
      for (let round = 0; round < 2; round += 1) {
        if (options.resetIntoBootloader) await options.resetIntoBootloader(port);
        else await pulseDtrReset(port);
        link.discardInput();
        const attempts = Math.ceil((options.syncAttempts ?? 10) / 2);
        const timeoutMs = options.syncTimeoutMs ?? 150;
        const firstTimeoutMs = Math.max(timeoutMs, options.firstSyncTimeoutMs ?? 600);
        if (await syncWith(link, attempts, timeoutMs, firstTimeoutMs, pending))
          return { port, link, baudRate };
      }
      sawJunk ||= link.junkBytes > 0;
    } catch (error) {
      link.dispose();
      await closeQuietly(port);
      throw error;
    }
    link.dispose();
    await closeQuietly(port);
  }
  // Same code either way; the sentence differs: silence (wrong port, no bootloader, bad cable)
  // or garbage (something else answers: a running sketch at another speed, a modem).
  throw new AppError('serial.no-sync', {
    messageKey: sawJunk ? 'error.serial.no-sync.garbage' : 'error.serial.no-sync',
    params: { path: options.path, bauds: bauds.join(', ') },
  });
};

export const uploadFirmware = async (options: UploadOptions): Promise<UploadResult> => {
  const started = performance.now();
  const bauds = options.bauds?.length ? options.bauds : [115200, 57600];
  if (!fitsBelowBootloader(options.image)) {
    throw new AppError('serial.image-too-large', {
      params: { bytes: options.image.length, max: ATMEGA328P_APP_BYTES },
    });
  }
  const pages = paginate(options.image, ATMEGA328P_PAGE_SIZE);
  const totalSteps = pages.length * 2;
  let lastPercent = -1;
  const report = (phase: FlashPhase, steps: number): void => {
    const percent = Math.floor((steps / totalSteps) * 100);
    if (percent === lastPercent && phase !== 'done') return;
    lastPercent = percent;
    options.onProgress?.({ phase, percent });
  };
  options.onProgress?.({ phase: 'connecting', percent: 0 });
  const { port, link, baudRate } = await connectToBootloader(options, bauds);
  const timeout = options.commandTimeoutMs ?? 1000;
  try {
    options.onProgress?.({ phase: 'checking', percent: 0 });
    const signature = formatSignature(await readSignatureWithRetry(link, timeout));
    // Refuse any other chip before a single byte is written: our firmware is for the 328P only.
    if (signature !== SIGNATURE) {
      throw new AppError('serial.wrong-signature', {
        params: { path: options.path, signature, expected: SIGNATURE },
      });
    }
    await link.send(cmd.enterProgMode(), timeout);
    let steps = 0;
    for (const page of pages) {
      // One exchange per page: the bootloader polls the UART while it answers LOAD_ADDRESS, and
      // the next page goes only after this one's write finished (its OK came back).
      await link.sendAll([cmd.loadAddress(page.address), cmd.progPage(page.data)], timeout);
      report('writing', ++steps);
    }
    for (const page of pages) {
      const [, actual] = await link.sendAll(
        [cmd.loadAddress(page.address), cmd.readPage(page.data.length)],
        timeout,
      );
      const mismatch = firstMismatch(page, actual);
      if (mismatch !== null) {
        throw new AppError('serial.verify-mismatch', {
          params: { path: options.path, address: `0x${mismatch.toString(16).padStart(4, '0')}` },
        });
      }
      report('verifying', ++steps);
    }
    // Leaving programming mode starts the new firmware (optiboot resets through the watchdog).
    await link.send(cmd.leaveProgMode(), timeout);
    report('done', totalSteps);
    return {
      baudRate,
      signature,
      bytes: options.image.length,
      pages: pages.length,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (error instanceof Stk500Failure) throw failureError(error, options.path);
    throw error;
  } finally {
    link.dispose();
    await closeQuietly(port);
  }
};
