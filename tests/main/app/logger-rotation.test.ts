import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileLogger, createRepeatedFailureLog } from '../../../main/app/logger';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('the log file', () => {
  it('rotates by size and keeps a few older files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chispa-log-'));
    dirs.push(dir);
    const file = join(dir, 'chispa.log');
    const logger = createFileLogger(file, { rotation: { maxBytes: 2000, keep: 2 } });
    for (let i = 0; i < 200; i++) logger.info(`line ${i} ${'x'.repeat(40)}`);
    expect(statSync(file).size).toBeLessThanOrEqual(2000);
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(2000);
    expect(existsSync(`${file}.2`)).toBe(true);
    expect(existsSync(`${file}.3`)).toBe(false);
    // The newest line is in the current file, the one before the rotation in .1.
    expect(readFileSync(file, 'utf8')).toContain('line 199 ');
    expect(readFileSync(file, 'utf8')).not.toContain('line 100 ');
  });
});

describe('a failure that repeats every poll', () => {
  it('is logged once in full, then one short line per quiet period, and once when it recovers', () => {
    let now = 0;
    const lines: Array<{ message: string; extra: unknown[] }> = [];
    const failure = createRepeatedFailureLog(
      (message, ...extra) => lines.push({ message, extra }),
      'serial: port list failed',
      { quietMs: 5 * 60_000, now: () => now },
    );
    const error = new Error('udevadm not found');
    // 25 minutes of failures every 1.5 s.
    for (; now <= 25 * 60_000; now += 1500) failure.failed(error);
    expect(lines[0]).toEqual({ message: 'serial: port list failed', extra: [error] });
    expect(lines.length).toBe(1 + 5);
    for (const line of lines.slice(1)) {
      expect(line.extra).toEqual([]);
      expect(line.message).toMatch(
        /^serial: port list failed \(still failing: \d+ more times since the last line\) udevadm not found$/,
      );
    }
    failure.recovered();
    failure.recovered();
    expect(lines.at(-1)?.message).toBe('serial: port list failed: working again');
    expect(lines.length).toBe(7);
    failure.failed(error);
    expect(lines.at(-1)).toEqual({ message: 'serial: port list failed', extra: [error] });
  });
});
