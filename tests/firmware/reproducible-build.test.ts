import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const firmwareDir = fileURLToPath(new URL('../../firmware', import.meta.url));
const hasAvrGcc = spawnSync('avr-gcc', ['--version']).status === 0;
if (!hasAvrGcc)
  console.warn('firmware rebuild test skipped: avr-gcc is not installed (apt-get install gcc-avr avr-libc)');

describe.skipIf(!hasAvrGcc)('firmware build', () => {
  it('rebuilds byte-identical to the committed chispa-firmata.hex (make check in a scratch dir)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chispa-fw-check-'));
    try {
      const output = execFileSync('make', ['-s', '-C', firmwareDir, `BUILD=${dir}/build`, 'check'], {
        encoding: 'utf8',
      });
      expect(output).toContain('matches');
      expect(readFileSync(join(dir, 'build', 'chispa-firmata.hex'), 'utf8')).toBe(
        readFileSync(join(firmwareDir, 'chispa-firmata.hex'), 'utf8'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
