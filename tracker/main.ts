/**
 * `npm run tracker`: starts the central tracker. Settings come from the environment (see
 * docs/tracker.md); with none, it keeps its data in PGlite under ./.chispa-tracker and listens
 * on 127.0.0.1:8470.
 */
import { readFileSync } from 'node:fs';
import { openDatabase } from './db/open-database';
import { migrate } from './db/migrate';
import { housekeeping } from './housekeeping';
import { buildServer } from './http/build-server';
import { randomSecret } from './auth/secrets';
import { retentionFromEnv } from './db/retention';

const env = process.env;
const location = env.CHISPA_TRACKER_DATABASE ?? '.chispa-tracker';
const host = env.CHISPA_TRACKER_HOST ?? '127.0.0.1';
const port = Number(env.CHISPA_TRACKER_PORT ?? 8470);
const retention = retentionFromEnv(env.CHISPA_TRACKER_RETENTION_MONTHS);
let adminToken = env.CHISPA_TRACKER_ADMIN_TOKEN ?? '';
if (adminToken.length < 24) {
  if (adminToken) throw new Error('CHISPA_TRACKER_ADMIN_TOKEN must be at least 24 characters');
  adminToken = randomSecret();
  console.log(`tracker: no CHISPA_TRACKER_ADMIN_TOKEN set; admin token for this run: ${adminToken}`);
}
const https =
  env.CHISPA_TRACKER_TLS_CERT && env.CHISPA_TRACKER_TLS_KEY
    ? { cert: readFileSync(env.CHISPA_TRACKER_TLS_CERT), key: readFileSync(env.CHISPA_TRACKER_TLS_KEY) }
    : undefined;

const db = await openDatabase(location);
const applied = await migrate(db);
if (applied.length) console.log(`tracker: applied migrations ${applied.join(', ')} (${db.engine})`);
await housekeeping(db, retention);
setInterval(() => void housekeeping(db, retention).catch(() => undefined), 6 * 3600 * 1000).unref();
const { app } = await buildServer(
  { db, adminToken, retention },
  { trustProxy: env.CHISPA_TRACKER_TRUST_PROXY === '1', https },
);
const address = await app.listen({ host, port });
console.log(`tracker: listening on ${address} (${db.engine})`);

const stop = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
