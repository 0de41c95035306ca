import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ptyLinkRoot } from '../../helpers/pty-bridge';

export const projectRoot = new URL('../../../', import.meta.url).pathname;

export interface RunningApp {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  output: () => string;
  /** Kills the app at once (SIGKILL), like a crash or a power cut; the data folder stays. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the renderer once if the test run started without `npm run build`. */
export const ensureBuilt = (): void => {
  if (existsSync(join(projectRoot, 'dist/renderer/index.html'))) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('renderer build failed');
};

/**
 * Starts browser mode exactly as `npm run start:web` does (minus the build), in a fresh data
 * directory, and waits for its one "Chispa: URL" line.
 */
export const startApp = async (
  options: { dataDir?: string; env?: Record<string, string>; startTimeoutMs?: number } = {},
): Promise<RunningApp> => {
  ensureBuilt();
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'chispa-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'main/web/start-web.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      CHISPA_DATA_DIR: dataDir,
      CHISPA_PORT: '0',
      // Typed pty paths (tests/helpers/pty-bridge.ts) are accepted as ports.
      CHISPA_SERIAL_DEVICE_DIRS: ptyLinkRoot,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const startTimeoutMs = options.startTimeoutMs ?? 30_000;
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start in ${startTimeoutMs / 1000} s:\n${output}`)),
      startTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Chispa: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    output: () => output,
    async crash() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
