import { createHash } from 'node:crypto';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { createCredentialStore } from '../../../main/sync/credential-store';
import { createSyncService, type SyncServiceOptions } from '../../../main/sync/sync-service';
import type { TestTracker } from '../../tracker/helpers/start-test-tracker';
import { admin, openService, quietLogger } from '../attendance/helpers';

/** The app's sync service over a device's attendance service (no automatic rounds unless asked). */
export const deviceSync = (
  layout: DataLayout,
  service: AttendanceService,
  options: Partial<SyncServiceOptions> = {},
) =>
  createSyncService({
    store: service.store,
    credentials: createCredentialStore(layout.root, null),
    exportsDir: layout.exports,
    logger: quietLogger(),
    intervalMs: 0,
    ...options,
  });

export interface TrackerStats {
  attendanceEvents: number;
  attendanceRows: number;
  sessions: number;
  conflicts: number;
  peopleReached: number;
  eventIdsDigest: string;
}

export const trackerStats = (tracker: TestTracker) =>
  tracker.admin<TrackerStats>('GET', '/api/v1/admin/stats');

/** The tracker's digest of a set of attendance event ids (md5 of the sorted ids joined by ','). */
export const eventIdsDigest = (ids: readonly string[]): string =>
  createHash('md5')
    .update([...ids].sort().join(','))
    .digest('hex');

/** Attendance event ids in the device's outbox for the given people (what may reach the tracker). */
export const deviceEventIds = async (service: AttendanceService, people: readonly string[]) =>
  (
    await service.store.db().read.all<{ id: string }>(
      `SELECT json_extract(payload, '$.eventId') AS id FROM outbox
         WHERE entity = 'attendance' AND json_extract(payload, '$.personId') IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(people)],
    )
  ).map((row) => row.id);

export const newSession = (service: AttendanceService, date = new Date().toISOString().slice(0, 10)) =>
  service.checkIn.createSession({
    date,
    startTime: '15:00',
    activityType: 'robotics-class',
    lessons: [],
    facilitator: 'Prof',
  });

const reportingConsent = (scopes: ('attendance' | 'reporting')[]) => ({
  guardianName: 'Tutora',
  relation: 'mother' as const,
  method: 'paper' as const,
  date: '2026-01-10',
  scopes,
});

/** One of each: an adult, a minor with reporting consent, a minor without consent, a minor with local-only consent. */
export const mixedPeople = async (service: AttendanceService) => {
  const teacher = await service.people.create({
    displayName: 'Ana Docente',
    type: 'teacher',
    birthYear: 1985,
  });
  const consented = await service.people.create({
    displayName: 'Beto Niño',
    type: 'learner',
    birthYear: 2015,
    consent: reportingConsent(['attendance', 'reporting']),
  });
  const noConsent = await service.people.create({
    displayName: 'Caro Niña',
    type: 'learner',
    birthYear: 2014,
  });
  const localOnly = await service.people.create({
    displayName: 'Dani Niño',
    type: 'learner',
    birthYear: 2013,
    consent: reportingConsent(['attendance']),
  });
  return { teacher, consented, noConsent, localOnly };
};

/** Adults from a roster (one transaction), each checked in to the session. */
export const checkInTeachers = async (service: AttendanceService, sessionId: string, count: number) => {
  await service.roster.importRoster(
    [
      'nombre,tipo,año nacimiento',
      ...Array.from({ length: count }, (_, i) => `Docente ${i},docente,1980`),
    ].join('\n'),
    false,
    admin,
  );
  const rows = await service.store
    .db()
    .read.all<{ id: string }>("SELECT id FROM people WHERE display_name LIKE 'Docente %'");
  for (const row of rows) await service.checkIn.mark(sessionId, row.id, admin);
  return rows.map((row) => row.id);
};

export { admin, openService };
