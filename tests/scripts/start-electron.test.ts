/** `npm start` finds Electron where ELECTRON_OVERRIDE_DIST_PATH points, and says so when it is not there. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/start-electron.mjs', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[], overrideDir: string) =>
  spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: overrideDir },
  });

describe('scripts/start-electron.mjs', () => {
  it('uses the Electron binary in ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chispa-electron-'));
    dirs.push(dir);
    expect(run(['--check'], dir).status).toBe(1); // an empty folder has no Electron
    const binary = join(dir, process.platform === 'win32' ? 'electron.exe' : 'electron');
    writeFileSync(binary, '#!/bin/sh\nexit 0\n');
    chmodSync(binary, 0o755);
    expect(run(['--check'], dir).status).toBe(0);
  });

  it('without a binary it points to browser mode in one sentence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chispa-electron-'));
    dirs.push(dir);
    const result = run([], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm run start:web');
  });
});
