/**
 * Rolling backups of the attendance database in the data directory's backups folder. A backup is
 * a consistent snapshot made with VACUUM INTO (works while the app runs, compacts the file),
 * written under a temporary name and renamed, so a half-written backup never looks complete.
 */
import { chmodSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../common/ipc/contract-attendance';
import { ensurePrivateDir, fsyncDir, privateFileMode, removeQuietly } from '../app/atomic-write';
import { storageErrorFrom } from '../app/storage-error';
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
  ensurePrivateDir(dir);
  // Two backups in the same millisecond (or a clock that went back): step on to a free name.
  let offset = 0;
  let name = backupFileName(now);
  while (existsSync(join(dir, name))) name = backupFileName(new Date(now.getTime() + ++offset));
  const final = join(dir, name);
  const partial = `${final}.partial`;
  try {
    rmSync(partial, { force: true });
    await db.run('VACUUM INTO ?', [partial]);
    chmodSync(partial, privateFileMode);
    renameSync(partial, final);
  } catch (error) {
    removeQuietly(partial);
    throw storageErrorFrom(error);
  }
  fsyncDir(dir);
  return {
    id: name,
    createdAt: createdAtFromName(name) ?? now.toISOString(),
    sizeBytes: statSync(final).size,
  };
};

/** Removes partial backups left by a crash or a full disk. */
export const removePartialBackups = (dir: string): void => {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name.endsWith('.partial')) removeQuietly(join(dir, name));
};

export interface PruneOptions {
  keep: number;
  /** Never removed (the backup just made). */
  justMade?: string;
  now?: Date;
  /** True for a backup of real data; the newest such backup is never pruned. */
  isSetUp?: (path: string) => Promise<boolean>;
}

/**
 * Keeps the newest `keep` backups. Backups dated in the future (written while the clock was
 * ahead) count as the oldest, so they never push out the one just made. If none of the kept
 * backups holds real data (a fresh database was started in its place), the newest one that does
 * is kept too, so the real data's backups are never all pruned.
 */
export const pruneBackups = async (dir: string, options: PruneOptions): Promise<string[]> => {
  const now = (options.now ?? new Date()).toISOString();
  const all = listBackups(dir);
  const ordered = [
    ...all.filter((backup) => backup.id === options.justMade),
    ...all.filter((backup) => backup.id !== options.justMade && backup.createdAt <= now),
    ...all.filter((backup) => backup.id !== options.justMade && backup.createdAt > now),
  ];
  const kept = ordered.slice(0, options.keep);
  const candidates = ordered.slice(options.keep);
  if (options.isSetUp && candidates.length > 0) {
    let keptHasData = false;
    for (const backup of kept) if ((keptHasData = await options.isSetUp(join(dir, backup.id)))) break;
    if (!keptHasData) {
      for (const [index, backup] of candidates.entries()) {
        if (await options.isSetUp(join(dir, backup.id))) {
          candidates.splice(index, 1);
          break;
        }
      }
    }
  }
  const removed = candidates.map((backup) => backup.id);
  for (const id of removed) rmSync(join(dir, id), { force: true });
  return removed;
};
