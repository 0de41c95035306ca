import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, privateFileMode } from './atomic-write';

export interface Logger {
  info(message: string, ...extra: unknown[]): void;
  warn(message: string, ...extra: unknown[]): void;
  error(message: string, ...extra: unknown[]): void;
}

const format = (level: string, message: string, extra: unknown[]): string => {
  const parts = extra.map((item) =>
    item instanceof Error ? (item.stack ?? item.message) : JSON.stringify(item),
  );
  return `${new Date().toISOString()} ${level} ${message}${parts.length ? ' ' + parts.join(' ') : ''}\n`;
};

export interface LogRotation {
  /** The file is rotated before it would grow past this (default 1 MB). */
  maxBytes: number;
  /** Older files kept beside it: chispa.log.1 … chispa.log.N (default 3). */
  keep: number;
}

const defaultRotation: LogRotation = { maxBytes: 1024 * 1024, keep: 3 };

/** chispa.log → chispa.log.1 → … → chispa.log.N (the oldest is dropped). */
const rotate = (file: string, keep: number) => {
  rmSync(`${file}.${keep}`, { force: true });
  for (let n = keep - 1; n >= 1; n--)
    if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
  renameSync(file, `${file}.1`);
};

/**
 * Appends to a log file in the data directory, rotating it by size; also echoes warnings and
 * errors to stderr.
 */
export const createFileLogger = (
  file: string,
  options: { echo?: boolean; rotation?: Partial<LogRotation> } = {},
): Logger => {
  ensurePrivateDir(dirname(file));
  const rotation = { ...defaultRotation, ...options.rotation };
  let size = existsSync(file) ? statSync(file).size : 0;
  const write = (level: string, message: string, extra: unknown[]) => {
    const line = format(level, message, extra);
    try {
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > rotation.maxBytes) {
        rotate(file, rotation.keep);
        size = 0;
      }
      // A deleted logs/ folder is recreated.
      ensurePrivateDir(dirname(file));
      appendFileSync(file, line, { mode: privateFileMode });
      size += bytes;
    } catch {
      // A full or read-only disk must not take the app down; stderr still gets it.
    }
    if (options.echo || level !== 'INFO') process.stderr.write(line);
  };
  return {
    info: (message, ...extra) => write('INFO', message, extra),
    warn: (message, ...extra) => write('WARN', message, extra),
    error: (message, ...extra) => write('ERROR', message, extra),
  };
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * For a failure that repeats on a timer (the port list every 1.5 s): the first one is logged in
 * full, then at most one short line per `quietMs` saying how often it failed meanwhile. A success
 * (`recovered`) logs once and starts over.
 */
export const createRepeatedFailureLog = (
  log: (message: string, ...extra: unknown[]) => void,
  message: string,
  options: { quietMs?: number; now?: () => number } = {},
) => {
  const quietMs = options.quietMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  let failing = false;
  let lastLogged = 0;
  let unlogged = 0;
  return {
    failed(error: unknown) {
      if (!failing) {
        failing = true;
        lastLogged = now();
        unlogged = 0;
        log(message, error);
        return;
      }
      unlogged++;
      if (now() - lastLogged < quietMs) return;
      const reason = error instanceof Error ? error.message : String(error);
      log(`${message} (still failing: ${unlogged} more times since the last line) ${reason}`);
      lastLogged = now();
      unlogged = 0;
    },
    recovered() {
      if (!failing) return;
      failing = false;
      log(`${message}: working again`);
    },
  };
};
