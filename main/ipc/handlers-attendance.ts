import type { AttendanceCallName } from '../../common/ipc/contract-attendance';
import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';
import { actorOf } from './staff-actor';

export const createAttendanceHandlers = (services: AppServices): Pick<CallHandlers, AttendanceCallName> => {
  const a = services.attendance;
  return {
    'people.create': (input) => a.people.create(input),
    'people.update': (patch) => a.people.update(patch),
    'people.get': ({ id }) => a.people.get(id),
    'people.search': async (args) => ({ people: await a.people.search(args) }),
    'people.softDelete': ({ id }) => a.people.softDelete(id),
    'people.restore': ({ id }) => a.people.restore(id),
    'people.erase': ({ id }, ctx) => a.people.erase(id, actorOf(ctx)),
    'people.duplicates': async ({ displayName, birthYear, excludeId }) => ({
      people: await a.people.likelyDuplicates(displayName, birthYear, excludeId),
    }),
    'people.merge': ({ keepId, duplicateId }, ctx) => a.people.merge(keepId, duplicateId, actorOf(ctx)),
    'consent.record': ({ personId, consent }) => a.people.recordConsent(personId, consent),
    'consent.withdraw': ({ personId, date }) => a.people.withdrawConsent(personId, date),

    'sessions.create': (input) => a.checkIn.createSession(input),
    'sessions.list': async (filter) => ({ sessions: await a.checkIn.listSessions(filter) }),
    'sessions.update': (patch, ctx) => a.sessions.update(patch, actorOf(ctx)),
    'sessions.delete': ({ id }, ctx) => a.sessions.remove(id, actorOf(ctx)),
    'sessions.get': ({ id }) => a.checkIn.getSession(id),

    'checkin.mark': ({ sessionId, personId, confirmNoConsent }, ctx) =>
      a.checkIn.mark(sessionId, personId, actorOf(ctx), { confirmNoConsent }),
    'checkin.unmark': ({ sessionId, personId }, ctx) => a.checkIn.unmark(sessionId, personId, actorOf(ctx)),
    'checkin.walkIn': ({ sessionId, person, confirmNoConsent }, ctx) =>
      a.checkIn.walkIn(sessionId, person, actorOf(ctx), { confirmNoConsent }),
    'checkin.list': ({ sessionId }) => a.checkIn.listAttendance(sessionId),

    'exports.attendance': (request, ctx) => a.exports.exportAttendance(request, actorOf(ctx)),
    'exports.namedRetention': () => a.namedRetention.get(),
    'exports.setNamedRetention': ({ days }) => a.namedRetention.set(days),
    'reports.monthlySummary': ({ month }) => a.summary.monthlySummary(month),
    'reports.monthlySummaryXlsx': ({ month, language }, ctx) =>
      a.summaryExport.exportMonthlySummaryXlsx(month, language, actorOf(ctx)),
    'roster.import': ({ csvText, dryRun }, ctx) => a.roster.importRoster(csvText, dryRun, actorOf(ctx)),
    'audit.list': async ({ limit }) => ({ entries: await a.listAudit(limit) }),

    'storage.status': () => a.storageStatus(),
    'storage.restoreBackup': ({ backupId, adminPin }, { session }) =>
      a.restoreBackup(backupId, adminPin, session.id),
    'storage.backupNow': () => a.backupNow(),
  };
};
