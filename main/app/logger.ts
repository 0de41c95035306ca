import { appendFileSync } from 'node:fs';
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

/** Appends to a log file in the data directory; also echoes warnings and errors to stderr. */
export const createFileLogger = (file: string, options: { echo?: boolean } = {}): Logger => {
  const write = (level: string, message: string, extra: unknown[]) => {
    const line = format(level, message, extra);
    try {
      // A deleted logs/ folder is recreated.
      ensurePrivateDir(dirname(file));
      appendFileSync(file, line, { mode: privateFileMode });
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
