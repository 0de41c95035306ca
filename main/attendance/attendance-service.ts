/** The attendance log's services over one store (one database, one writer). */
import { basename, dirname, join } from 'node:path';
import type { Logger } from '../app/logger';
import type { Actor } from './actor';
import { listAudit, writeAudit } from './audit-repo';
import { openAttendanceStore, type AttendanceStoreOptions } from './attendance-store';
import { createCheckInService } from './checkin-service';
import { createExportService } from './export-service';
import { createPeopleService } from './people-service';
import { createPersonMerge } from './person-merge';
import { createSessionEdit } from './session-edit';
import { createRosterImportService } from './roster-import';
import { createErasure } from './erasure';
import { readNamedExportRetention, sweepNamedExports, writeNamedExportRetention } from './export-retention';
import { createPinThrottle } from './pin-throttle';
import { createStaffService } from './staff-service';
import { createSummaryService } from './summary-service';
import { createSummaryExport } from './summary-export';

export interface AttendanceServiceOptions {
  database: string;
  backups: string;
  exports: string;
  logger: Logger;
  /** The wrong-PIN count (default: staff-pin-attempts.json next to the database). */
  pinAttemptsFile?: string;
  store?: Partial<Omit<AttendanceStoreOptions, 'file' | 'backupsDir' | 'logger'>>;
}

export const openAttendanceService = async (options: AttendanceServiceOptions) => {
  const store = await openAttendanceStore({
    ...options.store,
    file: options.database,
    backupsDir: options.backups,
    logger: options.logger,
  });
  const throttle = createPinThrottle(
    options.pinAttemptsFile ?? join(dirname(options.database), 'staff-pin-attempts.json'),
  );
  const staff = createStaffService(store, throttle);
  const dataDir = dirname(options.database);
  const erasure = createErasure({
    store,
    dataDir,
    databaseFile: options.database,
    backupsDir: options.backups,
    exportsDir: options.exports,
    journalFile: join(dataDir, 'erasures.json'),
    logger: options.logger,
  });
  await erasure.reapply().catch((error) => options.logger.error('re-applying erasures failed', error));
  const people = createPeopleService(store);
  const merge = createPersonMerge(store);
  const exportsService = createExportService(store, options.exports);
  const summary = createSummaryService(store);
  const sweepExports = async () => {
    if (store.state() !== 'ok') return;
    sweepNamedExports(options.exports, await readNamedExportRetention(store.db().read));
  };
  await sweepExports().catch((error) => options.logger.warn('sweeping named exports failed', error));
  return {
    store,
    staff,
    people: {
      ...people,
      erase: (id: string, actor: Actor) => erasure.erase(id, () => people.erase(id, actor)),
      likelyDuplicates: merge.likelyDuplicates,
      /** Keeps `keepId`; the duplicate is erased like any erasure (journal, backups, named exports). */
      async merge(keepId: string, duplicateId: string, actor: Actor) {
        await merge.check(keepId, duplicateId);
        return erasure.erase(duplicateId, () => merge.merge(keepId, duplicateId, actor));
      },
    },
    checkIn: createCheckInService(store),
    sessions: createSessionEdit(store),
    exports: {
      ...exportsService,
      async exportAttendance(...args: Parameters<typeof exportsService.exportAttendance>) {
        const result = await exportsService.exportAttendance(...args);
        await sweepExports().catch((error) => options.logger.warn('sweeping named exports failed', error));
        return result;
      },
    },
    namedRetention: {
      get: async () => ({ days: await readNamedExportRetention(store.db().read) }),
      async set(days: number) {
        await store.db().write((tx) => writeNamedExportRetention(tx, days));
        await sweepExports();
        return { days };
      },
    },
    summary,
    summaryExport: createSummaryExport(store, options.exports, (month) => summary.monthlySummary(month)),
    roster: createRosterImportService(store),
    listAudit: (limit: number) => listAudit(store.db().read, limit),
    storageStatus: () => store.status(),
    backupNow: () => store.backupNow(),
    async restoreBackup(backupId: string, adminPin: string, connectionId: string) {
      const { keptAs } = await store.restore(backupId, (backup) =>
        staff.authoriseWithBackup(backup, adminPin),
      );
      if (store.state() === 'ok') {
        await erasure.reapply();
        const detail = `${backupId}; previous file kept as ${keptAs ? basename(keptAs) : '(none)'}`;
        await store
          .db()
          .write((tx) =>
            writeAudit(
              tx,
              { role: 'admin', connectionId },
              { action: 'restore-backup', detail },
              new Date().toISOString(),
            ),
          );
      }
      return store.status();
    },
    close: () => store.close(),
  };
};

export type AttendanceService = Awaited<ReturnType<typeof openAttendanceService>>;
