/**
 * Rolling backups of the attendance database in the data directory's backups folder. A backup is
 * a consistent snapshot made with VACUUM INTO (works while the app runs, compacts the file),
 * written under a temporary name and renamed, so a half-written backup never looks complete.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../common/ipc/contract-attendance';
import type { Sql } from './sqlite';

const backupPattern = /^chispa-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite$/;

export const backupFileName = (date: Date): string =>
  `chispa-${date.toISOString().replace(/[:.]/g, '-')}.sqlite`;

const createdAtFromName = (name: string): string | null => {
  const match = backupPattern.exec(name);
  if (!match) return null;
  const [date, time] = match[1].split('T');
  const [hh, mm, ss, ms] = time.replace('Z', '').split('-');
  return `${date}T${hh}:${mm}:${ss}.${ms}Z`;
};

/** Newest first. Only complete backups (temporary files are ignored). */
export const listBackups = (dir: string): BackupInfo[] => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, createdAt: createdAtFromName(name) }))
    .filter((entry): entry is { name: string; createdAt: string } => entry.createdAt !== null)
    .map(({ name, createdAt }) => ({ id: name, createdAt, sizeBytes: statSync(join(dir, name)).size }))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
};

/** Resolves a backup id to its path; refuses anything that is not a listed backup (no path tricks). */
export const backupPath = (dir: string, id: string): string | null =>
  basename(id) === id && backupPattern.test(id) && existsSync(join(dir, id)) ? join(dir, id) : null;

/** Snapshot through the given connection (the writer, inside the write queue). */
export const writeBackup = async (db: Sql, dir: string, now = new Date()): Promise<BackupInfo> => {
  let name = backupFileName(now);
  // Two backups in the same millisecond: nudge the name rather than overwrite.
  while (existsSync(join(dir, name))) name = backupFileName(new Date(now.getTime() + 1));
  const final = join(dir, name);
  const partial = `${final}.partial`;
  rmSync(partial, { force: true });
  await db.run('VACUUM INTO ?', [partial]);
  renameSync(partial, final);
  return {
    id: name,
    createdAt: createdAtFromName(name) ?? now.toISOString(),
    sizeBytes: statSync(final).size,
  };
};

/** Keeps the newest `keep` backups. */
export const pruneBackups = (dir: string, keep: number): string[] => {
  const removed = listBackups(dir)
    .slice(keep)
    .map((backup) => backup.id);
  for (const id of removed) rmSync(join(dir, id), { force: true });
  return removed;
};
