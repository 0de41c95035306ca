/**
 * The one write path for files the app writes whole (settings, autosave, the PIN throttle…):
 * a power cut or a full disk leaves either the old or the new content, never half.
 * Write a private temp file completely (short writes are continued), fsync it, rename it over the
 * target, fsync the folder. A missing folder is recreated; a failure removes the temp file and
 * comes back as a typed storage error (disk full is told apart).
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { storageErrorFrom } from './storage-error';

/** Files the app creates are private to the user; so are its folders. */
export const privateFileMode = 0o600;
export const privateDirMode = 0o700;

/** Creates the folder (and parents) if missing, private to the user. */
export const ensurePrivateDir = (dir: string): void => {
  mkdirSync(dir, { recursive: true, mode: privateDirMode });
};

/** Writes every byte (writeSync may write fewer than asked, e.g. on a nearly full disk). */
export const writeFully = (fd: number, bytes: Uint8Array): void => {
  let offset = 0;
  while (offset < bytes.length) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('no progress writing'), { code: 'ENOSPC' });
    offset += written;
  }
};

/** Flushes a folder entry (the rename) to disk; not supported on Windows, where rename is atomic. */
export const fsyncDir = (dir: string): void => {
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // see above
  }
};

/** Removes a partial file; a failure to remove must not hide the error that caused it. */
export const removeQuietly = (file: string): void => {
  try {
    rmSync(file, { force: true });
  } catch {
    // the original error matters more
  }
};

let sequence = 0;

/** The temp name every partial write uses; `isPartialFileName` recognises leftovers from a crash. */
export const tempFileName = (file: string): string =>
  `${file}.${process.pid}.${Date.now()}.${sequence++}.tmp`;
export const isPartialFileName = (name: string): boolean => /\.\d+\.\d+\.\d+\.tmp$|\.partial$/.test(name);

/** At start (one instance holds the folder): removes partial files a crash or a full disk left. */
export const removePartialFiles = (dir: string): void => {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (isPartialFileName(name)) removeQuietly(join(dir, name));
};

export const writeFileAtomic = (file: string, data: string | Uint8Array): void => {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = tempFileName(file);
  try {
    ensurePrivateDir(dirname(file));
    const fd = openSync(temp, 'wx', privateFileMode);
    try {
      writeFully(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    removeQuietly(temp);
    throw storageErrorFrom(error);
  }
  fsyncDir(dirname(file));
};
