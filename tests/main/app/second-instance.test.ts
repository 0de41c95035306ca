/**
 * Two Chispas on one data folder, as real processes (browser mode started as `npm run start:web`
 * does): the second stops with a message naming the first, in both languages, and the first
 * keeps running. (Taking over the lock of a process that died is tested in pin-bruteforce.test.ts.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alreadyRunningText } from '../../../main/app/instance-lock';

const projectRoot = new URL('../../../', import.meta.url).pathname;

interface Started {
  child: ChildProcess;
  output: () => string;
  /** The "Chispa: URL" line, or the exit code if the process ended first. */
  outcome: Promise<{ url: string } | { exitCode: number | null }>;
}

const startBrowserMode = (dataDir: string): Started => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/start-web.ts'], {
    cwd: projectRoot,
    env: { ...process.env, CHISPA_DATA_DIR: dataDir, CHISPA_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const outcome = new Promise<{ url: string } | { exitCode: number | null }>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Chispa: (http:\/\/\S+)$/m.exec(output);
      if (match) resolve({ url: match[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (exitCode) => resolve({ exitCode }));
  });
  return { child, output: () => output, outcome };
};

const stop = async (started: Started) => {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
};

describe('one Chispa per data folder', () => {
  const running: Started[] = [];
  let dataDir = '';
  afterEach(async () => {
    for (const started of running.splice(0)) await stop(started);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops a second process on the same folder with a message naming the first, which keeps running', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-two-'));
    const first = startBrowserMode(dataDir);
    running.push(first);
    const firstUp = await first.outcome;
    expect(firstUp, first.output()).toHaveProperty('url');

    const second = startBrowserMode(dataDir);
    running.push(second);
    expect(await second.outcome, second.output()).toEqual({ exitCode: 1 });
    expect(second.output()).toContain(alreadyRunningText(first.child.pid!));

    // The first still answers on its address.
    const reply = await fetch((firstUp as { url: string }).url);
    expect(reply.status).toBeLessThan(500);
    expect(first.child.exitCode).toBeNull();
  }, 240_000);
});
