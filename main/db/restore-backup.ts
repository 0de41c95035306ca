/**
 * Puts a backup in place of the database file. The current file (damaged or not) and its WAL/SHM
 * companions are renamed aside, never deleted, so nothing is lost even if the wrong backup is
 * chosen. The caller closes the database first and reopens it after.
 */
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { checkIntegrity } from './app-database';
import { openSqlite } from './sqlite';

export const keepAsideName = (file: string, reason: 'damaged' | 'replaced', now = new Date()): string =>
  `${file}.${reason}-${now.toISOString().replace(/[:.]/g, '-')}`;

/** Moves the database (and -wal, -shm) aside; returns the new name of the main file, or null if absent. */
export const moveDatabaseAside = (file: string, aside: string): string | null => {
  if (!existsSync(file)) return null;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
};

/** Copies the database (and -wal, -shm) to `aside` without touching the originals. */
export const copyDatabaseAside = (file: string, aside: string): string | null => {
  if (!existsSync(file)) return null;
  copyFileSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) copyFileSync(file + suffix, aside + suffix);
  }
  return aside;
};

/** True when the backup file opens and passes the integrity check. */
export const backupIsSound = async (path: string): Promise<boolean> => {
  try {
    const db = await openSqlite(path, { readOnly: true });
    try {
      return (await checkIntegrity(db)).ok;
    } finally {
      await db.close();
    }
  } catch {
    return false;
  }
};

/** Copies the backup next to the database under a temporary name, then renames it into place. */
export const putBackupInPlace = (backup: string, file: string): void => {
  const temporary = `${file}.restoring`;
  copyFileSync(backup, temporary);
  renameSync(temporary, file);
};
