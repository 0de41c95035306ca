import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createCitusDatabase, startCitusCluster, type CitusCluster } from './citus-cluster';
import { createDatabase, freePort, startPostgres, type PostgresServer } from './postgres-server';

const root = new URL('../../../', import.meta.url).pathname;

export type TrackerEngine = 'pglite' | 'postgres' | 'citus';

export interface TestTracker {
  url: string;
  engine: TrackerEngine;
  adminToken: string;
  /** Calls the admin API; throws on a non-2xx answer. */
  admin<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** Country + centre in one call; returns the centre's code. */
  createCentre(options?: { country?: string; code?: string; name?: string }): Promise<string>;
  issueEnrolmentCode(centreCode: string, ttlMinutes?: number): Promise<string>;
  revokeDevice(deviceId: string): Promise<void>;
  createStaff(username: string, password: string): Promise<void>;
  /** SQL straight against the tracker's database (PostgreSQL only: PGlite has one connection). */
  databaseUrl: string | null;
  /** SIGKILLs the tracker process (no clean shutdown) and starts it again on the same port and data. */
  killAndRestart(): Promise<void>;
  kill(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

let counter = 0;

/**
 * A real tracker in its own process (`tracker/main.ts`), on a free loopback port, with its own
 * fresh database: PGlite in a temporary folder, a PostgreSQL 15 server or a 3-node Citus cluster
 * started for it.
 */
export const startTestTracker = async ({
  engine,
  postgres,
  citus,
}: {
  engine: TrackerEngine;
  /** Reuse a running server (a new database is created on it); otherwise one is started. */
  postgres?: PostgresServer;
  /** Reuse a running Citus cluster; otherwise one is started. */
  citus?: CitusCluster;
}): Promise<TestTracker> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chispa-tracker-'));
  const name = `tracker_${process.pid}_${++counter}`;
  const ownServer = engine === 'postgres' && !postgres ? await startPostgres() : null;
  const ownCluster = engine === 'citus' && !citus ? await startCitusCluster() : null;
  const server = postgres ?? ownServer;
  const cluster = citus ?? ownCluster;
  const databaseUrl =
    engine === 'citus' && cluster
      ? await createCitusDatabase(cluster, name)
      : engine === 'postgres' && server
        ? await createDatabase(server, name)
        : null;
  const port = await freePort();
  const adminToken = randomBytes(24).toString('base64url');
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  const start = () =>
    new Promise<void>((resolve, reject) => {
      output = '';
      const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'tracker/main.ts')], {
        cwd: root,
        env: {
          ...process.env,
          CHISPA_TRACKER_DATABASE: databaseUrl ?? join(dataDir, 'pglite'),
          CHISPA_TRACKER_PORT: String(port),
          CHISPA_TRACKER_HOST: '127.0.0.1',
          CHISPA_TRACKER_ADMIN_TOKEN: adminToken,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('tracker: listening on')) resolve();
      };
      proc.stdout.on('data', onData);
      proc.stderr.on('data', onData);
      proc.once('exit', (code) => reject(new Error(`tracker exited (${code}) before listening:\n${output}`)));
    });

  const kill = () => {
    child?.kill('SIGKILL');
    child = null;
  };

  const waitExit = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
    child = null;
  };

  const admin = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };

  await start();
  return {
    url,
    engine,
    adminToken,
    databaseUrl,
    admin,
    createCentre: async ({
      country = 'SV',
      code = `centro-${++counter}`,
      name = 'Centro de prueba',
    } = {}) => {
      await admin('POST', '/api/v1/admin/countries', {
        code: country,
        name: country === 'SV' ? 'El Salvador' : country,
      });
      await admin('POST', '/api/v1/admin/centres', { country, code, name });
      return code;
    },
    issueEnrolmentCode: async (centreCode, ttlMinutes) =>
      (
        await admin<{ code: string }>(
          'POST',
          `/api/v1/admin/centres/${centreCode}/enrolment-codes`,
          ttlMinutes ? { ttlMinutes } : {},
        )
      ).code,
    revokeDevice: async (deviceId) => void (await admin('POST', `/api/v1/admin/devices/${deviceId}/revoke`)),
    createStaff: async (username, password) =>
      void (await admin('POST', '/api/v1/admin/staff', { username, password })),
    killAndRestart: async () => {
      await waitExit();
      await start();
    },
    kill,
    start,
    stop: async () => {
      await waitExit();
      await ownServer?.stop();
      await ownCluster?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
