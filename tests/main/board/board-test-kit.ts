/**
 * Helpers for the board service tests: an event recorder with waits, firmware variants built
 * from the real sources, and transports that misbehave (silent, garbage).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BoardStatus, PinSnapshot } from '../../../common/ipc/contract-board';
import type { EventName } from '../../../common/ipc/contract';
import { createEventHub, type EventHub } from '../../../main/app/event-hub';
import type { BoardTransportFactory } from '../../../main/board/board-transport';
import { FirmataStream } from '../../../main/board/firmata-stream';

export const FIRMWARE_HEX_PATH = fileURLToPath(
  new URL('../../../firmware/chispa-firmata.hex', import.meta.url),
);
const FIRMWARE_DIR = fileURLToPath(new URL('../../../firmware', import.meta.url));

export const hasAvrGcc = spawnSync('avr-gcc', ['--version']).status === 0;

export class BoardEventRecorder {
  readonly events: EventHub = createEventHub();
  readonly states: BoardStatus[] = [];
  latestPins: PinSnapshot | null = null;
  /** Snapshots received so far (simulated time restarts with every new virtual Uno). */
  pinSnapshots = 0;
  private readonly waiters = new Set<() => void>();

  constructor() {
    this.events.subscribe((name: EventName, payload: unknown) => {
      if (name === 'board.state') this.states.push(payload as BoardStatus);
      else if (name === 'board.pins') {
        this.latestPins = payload as PinSnapshot;
        this.pinSnapshots++;
      }
      for (const wake of [...this.waiters]) wake();
    });
  }

  /** Resolves with the first non-undefined value of `probe` after an event, or rejects at the timeout. */
  waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
    const now = probe();
    if (now !== undefined && now !== null && now !== false) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        const pins = this.latestPins;
        const seen = pins
          ? ` (last pins at ${pins.simTimeMs.toFixed(0)} ms: ${JSON.stringify({ servo: pins.servoPulseUs, tone: pins.toneHz, pwm: pins.pwmDuty })})`
          : '';
        reject(new Error(`timed out waiting for ${what}${seen}`));
      }, timeoutMs);
      const wake = () => {
        const value = probe();
        if (value === undefined || value === null || value === false) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(value);
      };
      this.waiters.add(wake);
    });
  }

  /** Waits for a pin snapshot taken after now that satisfies `probe`. */
  waitForPins<T>(what: string, probe: (pins: PinSnapshot) => T | undefined | null | false, timeoutMs = 3000) {
    const after = this.pinSnapshots;
    return this.waitFor(
      what,
      () => {
        const pins = this.latestPins;
        return pins && this.pinSnapshots > after ? probe(pins) : undefined;
      },
      timeoutMs,
    );
  }
}

/** Builds the firmware from firmware/src with overrides (e.g. an older version) and returns a hex path. */
export function buildFirmwareVariant(defines: Record<string, string | number>): {
  hexPath: string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'chispa-fw-'));
  const extra = Object.entries(defines)
    .map(([name, value]) => `-D${name}=${value}`)
    .join(' ');
  execFileSync('make', ['-s', '-C', FIRMWARE_DIR, `BUILD=${dir}`, `EXTRA_CFLAGS=${extra}`], {
    stdio: 'pipe',
  });
  return {
    hexPath: join(dir, 'chispa-firmata.hex'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An empty flash: the virtual Uno runs 0xFFFF instructions and never speaks. */
export function blankFlashHex(): { hexPath: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'chispa-blank-'));
  const hexPath = join(dir, 'blank.hex');
  writeFileSync(hexPath, ':00000001FF\n');
  return { hexPath, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A transport that opens and then never sends a byte (a board with a sketch that stays quiet). */
export const silentTransport = (): {
  factory: BoardTransportFactory;
  written: () => number;
  closed: () => boolean;
} => {
  let written = 0;
  let closed = false;
  const factory: BoardTransportFactory = async () => {
    const stream = new FirmataStream((data, done) => {
      written += data.length;
      done(null);
    });
    return {
      stream,
      onLost: () => () => undefined,
      close: async () => {
        closed = true;
      },
    };
  };
  return { factory, written: () => written, closed: () => closed };
};

/** A transport that streams pseudo-random bytes every few ms (wrong baud rate, another program's output). */
export const garbageTransport = (seed = 1): { factory: BoardTransportFactory; closed: () => boolean } => {
  let closed = false;
  const factory: BoardTransportFactory = async () => {
    const stream = new FirmataStream((_data, done) => done(null));
    let state = seed;
    const timer = setInterval(() => {
      const bytes = Buffer.alloc(64);
      for (let i = 0; i < bytes.length; i++)
        bytes[i] = (state = (state * 1103515245 + 12345) & 0x7fffffff) & 0xff;
      stream.push(bytes);
    }, 5);
    return {
      stream,
      onLost: () => () => undefined,
      close: async () => {
        closed = true;
        clearInterval(timer);
      },
    };
  };
  return { factory, closed: () => closed };
};

export const readHex = (path: string): string => readFileSync(path, 'utf8');
