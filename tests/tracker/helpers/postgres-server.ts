import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const pgBin = process.env.CHISPA_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` system user. */
const asServerUser = async (command: string, args: string[]): Promise<void> => {
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
  else await run(command, args);
};

/**
 * A real PostgreSQL 15 server for one test file: initdb in a fresh temporary folder, started
 * with pg_ctl on a free loopback port (trust auth, loopback only), removed by stop(). `settings`
 * are extra server settings ('name=value').
 */
export const startPostgres = async (settings: string[] = []): Promise<PostgresServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'chispa-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  chmodSync(dir, 0o700);
  await asServerUser(`${pgBin}/initdb`, [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-sync',
  ]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c shared_buffers=64MB',
    '-c max_connections=40',
    ...settings.map((setting) => `-c ${setting}`),
  ].join(' ');
  await asServerUser(`${pgBin}/pg_ctl`, ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await asServerUser(`${pgBin}/pg_ctl`, ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(
        () => undefined,
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** A fresh empty database on a running server (one server, many isolated tests). */
export const createDatabase = async (server: PostgresServer, name: string): Promise<string> => {
  await run(`${pgBin}/createdb`, ['-h', '127.0.0.1', '-p', String(server.port), '-U', 'postgres', name]);
  return server.url.replace(/\/postgres$/, `/${name}`);
};
