/**
 * Owns the attendance database for the app's lifetime: opens it (reporting a damaged file as
 * 'corrupt' instead of touching it), keeps rolling backups, and restores one on request.
 */
import type { BackupInfo, StorageStatus } from '../../common/ipc/contract-attendance';
import type { StorageState } from '../../common/ipc/contract-staff';
import { openAppDatabase, type AppDatabase } from '../db/app-database';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupPath, listBackups, pruneBackups, removePartialBackups, writeBackup } from '../db/backups';
import {
  backupIsSound,
  copyDatabaseAside,
  keepAsideName,
  moveDatabaseAside,
  putBackupInPlace,
} from '../db/restore-backup';
import { openSqlite, type Sql } from '../db/sqlite';
import type { Logger } from '../app/logger';
import { backupIsSetUp } from './backup-contents';
import { attendanceError, dbCorruptError, dbUnavailableError } from './errors';

export interface AttendanceStoreOptions {
  file: string;
  backupsDir: string;
  logger: Logger;
  /** How many backups to keep (default 14). */
  keepBackups?: number;
  /** A backup is made at start when the newest is older than this (default 6 h). */
  startBackupAfterMs?: number;
  /** Periodic backup while running (default 24 h; 0 disables). */
  backupIntervalMs?: number;
}

export interface AttendanceStore {
  state(): StorageState;
  /** The open database, or a typed error (db.corrupt / db.unavailable). */
  db(): AppDatabase;
  status(): StorageStatus;
  backupNow(): Promise<BackupInfo>;
  /** True when a backup of a set-up database (one with an admin PIN) is in the backups folder. */
  setUpBackupExists(): Promise<boolean>;
  /**
   * Restores a backup after `authorise` has accepted it (it gets the backup opened read-only, to
   * check the admin PIN stored there). The current file is kept aside.
   */
  restore(backupId: string, authorise: (backup: Sql) => Promise<void>): Promise<{ keptAs: string | null }>;
  close(): Promise<void>;
}

export const openAttendanceStore = async (options: AttendanceStoreOptions): Promise<AttendanceStore> => {
  const keep = options.keepBackups ?? 14;
  const { logger } = options;
  let current: AppDatabase | null = null;
  let state: StorageState = 'unavailable';
  let detail = '';
  let keptAs: string | null = null;
  let timer: NodeJS.Timeout | null = null;

  const backupNow = async (): Promise<BackupInfo> => {
    const db = current;
    if (!db) throw dbCorruptError();
    const info = await db.exclusive((writer) => writeBackup(writer, options.backupsDir));
    await pruneBackups(options.backupsDir, { keep, justMade: info.id, isSetUp: backupIsSetUp });
    return info;
  };

  const setUpBackupExists = async (): Promise<boolean> => {
    for (const backup of listBackups(options.backupsDir)) {
      if (await backupIsSetUp(join(options.backupsDir, backup.id))) return true;
    }
    return false;
  };

  /** The database file is gone or emptied while backups of real data exist: offer them. */
  const lostWhileBackupsExist = async (): Promise<boolean> =>
    !(existsSync(options.file) && statSync(options.file).size > 0) && (await setUpBackupExists());

  /** A query met damage while running: stop using the file (never write to it again) and report. */
  const onCorruption = (error: unknown) => {
    if (state === 'ok' && current) {
      state = 'corrupt';
      detail = error instanceof Error ? error.message : String(error);
      logger.error(`attendance database found damaged while running: ${detail}`);
      // Keep an exact copy of the damaged files before closing (closing may checkpoint the WAL).
      try {
        keptAs = copyDatabaseAside(options.file, keepAsideName(options.file, 'damaged'));
      } catch (copyError) {
        logger.error('could not copy the damaged database aside', copyError);
      }
      const damaged = current;
      current = null;
      void damaged.close().catch(() => undefined);
    }
    return dbCorruptError();
  };

  let missing = false;
  const open = async () => {
    removePartialBackups(options.backupsDir);
    missing = await lostWhileBackupsExist();
    if (missing) {
      // Not a first run: creating a fresh database here would hide the real one's backups.
      state = 'corrupt';
      current = null;
      detail = 'database file missing or empty while backups exist';
      logger.error(`attendance ${detail}; offering the backups`);
      return;
    }
    const result = await openAppDatabase(options.file, { onCorruption });
    state = result.state;
    if (result.state === 'ok') {
      current = result.db;
      detail = '';
      const nowIso = new Date().toISOString();
      const newest = listBackups(options.backupsDir).find((backup) => backup.createdAt <= nowIso);
      const age = newest ? Date.now() - Date.parse(newest.createdAt) : Infinity;
      if (age > (options.startBackupAfterMs ?? 6 * 3600_000)) {
        await backupNow().catch((error) => logger.warn('start-up backup failed', error));
      }
    } else {
      current = null;
      detail = result.detail;
      logger.error(`attendance database is ${result.state}: ${result.detail}`);
    }
  };

  await open();
  const interval = options.backupIntervalMs ?? 24 * 3600_000;
  if (interval > 0) {
    timer = setInterval(() => {
      if (current) backupNow().catch((error) => logger.warn('periodic backup failed', error));
    }, interval);
    timer.unref();
  }

  return {
    state: () => state,
    db() {
      if (current) return current;
      throw state === 'corrupt' ? dbCorruptError() : dbUnavailableError(detail);
    },
    status() {
      const backups = listBackups(options.backupsDir);
      const messageKey = missing
        ? 'staff.error.db-missing'
        : state === 'corrupt'
          ? 'staff.error.db-corrupt'
          : state === 'unavailable'
            ? 'staff.error.db-unavailable'
            : null;
      return { state, messageKey, corruptFileKeptAs: keptAs, latestBackup: backups[0] ?? null, backups };
    },
    backupNow,
    setUpBackupExists,
    async restore(backupId, authorise) {
      const path = backupPath(options.backupsDir, backupId);
      if (!path) throw attendanceError('backup-not-found');
      if (!(await backupIsSound(path))) throw attendanceError('backup-invalid');
      const backup = await openSqlite(path, { readOnly: true });
      try {
        await authorise(backup);
      } finally {
        await backup.close();
      }
      const wasCorrupt = state !== 'ok';
      await current?.close();
      current = null;
      const aside = moveDatabaseAside(
        options.file,
        keepAsideName(options.file, wasCorrupt ? 'damaged' : 'replaced'),
      );
      putBackupInPlace(path, options.file);
      keptAs = aside;
      logger.warn(`restored backup ${backupId}; previous database kept as ${aside ?? '(none)'}`);
      await open();
      return { keptAs: aside };
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await current?.close();
      current = null;
    },
  };
};
