/**
 * The app's own sync client end to end: a real device SQLite database (the app's migrations and
 * services) holding 100,000 check-ins in its outbox (CHISPA_BENCH_SYNC_ROWS to change), enrolled
 * with a tracker process on PGlite and on PostgreSQL 15, synced by main/sync (reader-connection
 * reads, gzip'd batches of 500, progress written per batch) until nothing is pending.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dataLayout, ensureDataLayout } from '../main/app/data-dir';
import { openAttendanceService } from '../main/attendance/attendance-service';
import { attendanceIdFor } from '../main/attendance/attendance-id';
import type { AttendanceOutboxPayload } from '../main/attendance/outbox';
import { createCredentialStore } from '../main/sync/credential-store';
import { createSyncService } from '../main/sync/sync-service';
import { startTestTracker, type TrackerEngine } from '../tests/tracker/helpers/start-test-tracker';

const rows = Number(process.env.CHISPA_BENCH_SYNC_ROWS ?? 100_000);
const label = rows >= 1000 ? `${rows / 1000}k` : String(rows);
const engines = (process.env.CHISPA_BENCH_ENGINES ?? 'pglite,postgres').split(',') as TrackerEngine[];
const peopleCount = Math.min(1000, rows);
const sessionCount = Math.ceil(rows / peopleCount);
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

for (const engine of engines) {
  const root = mkdtempSync(join(tmpdir(), 'chispa-bench-sync-'));
  const layout = ensureDataLayout(dataLayout(root));
  const tracker = await startTestTracker({ engine });
  const service = await openAttendanceService({
    database: layout.database,
    backups: layout.backups,
    exports: layout.exports,
    logger: silent,
    store: { backupIntervalMs: 0 },
  });
  try {
    const centre = await tracker.createCentre({ code: 'sv-bench-app' });
    const sync = createSyncService({
      store: service.store,
      credentials: createCredentialStore(root, null),
      exportsDir: layout.exports,
      logger: silent,
      intervalMs: 0,
    });
    await sync.enrol(tracker.url, await tracker.issueEnrolmentCode(centre));

    // Adults (no consent needed) and sessions through the app's services; then the check-ins'
    // outbox rows, shaped as the check-in service writes them, in one bulk transaction.
    await service.roster.importRoster(
      [
        'nombre,tipo,año nacimiento',
        ...Array.from({ length: peopleCount }, (_, i) => `Docente ${i},docente,1980`),
      ].join('\n'),
      false,
      { role: 'admin', connectionId: 'bench' },
    );
    const people = await service.people.search({ query: '', includeDeleted: false, limit: peopleCount });
    const sessions = [];
    for (let i = 0; i < sessionCount; i += 1) {
      sessions.push(
        await service.checkIn.createSession({
          date: '2026-11-02',
          startTime: '15:00',
          activityType: 'coding-class',
          lessons: [],
          facilitator: 'Prof',
        }),
      );
    }
    const at = new Date().toISOString();
    const payloads: AttendanceOutboxPayload[] = [];
    for (const session of sessions) {
      for (const person of people) {
        if (payloads.length === rows) break;
        payloads.push({
          attendanceId: attendanceIdFor(centre, session.id, person.id),
          eventId: randomUUID(),
          sessionId: session.id,
          personId: person.id,
          personType: person.type,
          ageBand: person.ageBand,
          sex: person.sex,
          centre,
          sessionDate: session.date,
          activityType: session.activityType,
          consentState: person.consentState,
          consentScopes: [],
          present: true,
          at,
        });
      }
    }
    await service.store.db().write((tx) =>
      tx.run(
        `INSERT INTO outbox (entity, entity_id, op, payload, created_at)
         SELECT 'attendance', json_extract(value, '$.attendanceId'), 'check-in', value, ? FROM json_each(?)`,
        [at, JSON.stringify(payloads)],
      ),
    );
    const items = (await sync.status()).counts.pending;

    const started = performance.now();
    const round = await sync.runRound();
    const seconds = (performance.now() - started) / 1000;
    if (!round.ok) throw round.error;
    const after = await sync.status();
    if (after.counts.pending !== 0 || after.counts.sent !== items) {
      throw new Error(`sent ${after.counts.sent} of ${items}, ${after.counts.pending} pending`);
    }
    const load = `load average ${loadavg()[0].toFixed(1)}`;
    console.log(
      `bench: sync.${label}.app.${engine} = ${seconds.toFixed(1)} s (${items} outbox rows, ${load})`,
    );
    console.log(`bench: sync.${label}.app.${engine}.rate = ${Math.round(items / seconds)} rows/s (${load})`);
    await sync.dispose();
  } finally {
    await service.close();
    await tracker.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
