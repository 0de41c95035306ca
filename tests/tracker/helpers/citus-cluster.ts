import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { openPostgresDatabase } from '../../../tracker/db/postgres-database';
import { createDatabase, startPostgres, type PostgresServer } from './postgres-server';

const run = promisify(execFile);
const pgBin = process.env.CHISPA_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why Citus cannot run here, or null when it can (citus.so in PostgreSQL 15's library folder). */
export const citusMissing = async (): Promise<string | null> => {
  try {
    const { stdout } = await run(`${pgBin}/pg_config`, ['--pkglibdir']);
    const library = `${stdout.trim()}/citus.so`;
    return existsSync(library)
      ? null
      : `Citus is not installed (no ${library}); scripts/system-packages.sh installs it`;
  } catch {
    return `PostgreSQL 15 is not installed (no ${pgBin}/pg_config)`;
  }
};

export interface CitusCluster {
  coordinator: PostgresServer;
  workers: PostgresServer[];
  stop(): Promise<void>;
}

/** Every node loads Citus and sends nothing out (no statistics collection). */
const citusSettings = [
  'shared_preload_libraries=citus',
  'citus.enable_statistics_collection=off',
  'max_prepared_transactions=100',
];

/**
 * A real 3-node Citus 13 cluster on loopback: a coordinator and two workers, each a PostgreSQL
 * 15 server in its own temporary folder. `shardCount` (citus.shard_count on the coordinator)
 * keeps small tests quick.
 */
export const startCitusCluster = async ({ shardCount = 8 } = {}): Promise<CitusCluster> => {
  const workers = await Promise.all([startPostgres(citusSettings), startPostgres(citusSettings)]);
  const coordinator = await startPostgres([...citusSettings, `citus.shard_count=${shardCount}`]);
  const nodes = [coordinator, ...workers];
  return {
    coordinator,
    workers,
    stop: async () => void (await Promise.all(nodes.map((node) => node.stop()))),
  };
};

const sql = async (url: string, statements: string[]) => {
  const db = await openPostgresDatabase(url);
  try {
    for (const statement of statements) await db.query(statement);
  } finally {
    await db.close();
  }
};

/**
 * A fresh database on every node with the citus extension, the workers added to the
 * coordinator: the URL to give the tracker (the coordinator's).
 */
export const createCitusDatabase = async (cluster: CitusCluster, name: string): Promise<string> => {
  const urls = await Promise.all(
    [cluster.coordinator, ...cluster.workers].map((node) => createDatabase(node, name)),
  );
  await Promise.all(urls.map((url) => sql(url, ['CREATE EXTENSION citus'])));
  await sql(urls[0], [
    `SELECT citus_set_coordinator_host('127.0.0.1', ${cluster.coordinator.port})`,
    ...cluster.workers.map((worker) => `SELECT citus_add_node('127.0.0.1', ${worker.port})`),
  ]);
  return urls[0];
};
