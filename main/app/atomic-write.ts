import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file so that a power cut leaves either the old or the new content, never half:
 * write a temp file, fsync it, rename over the target, fsync the folder. `mode` applies from the
 * first byte (a secret is never readable by others, not even for a moment).
 */
export const writeFileAtomic = (
  file: string,
  data: string | Uint8Array,
  options: { mode?: number } = {},
): void => {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temp, 'w', options.mode ?? 0o666);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  try {
    const dirFd = openSync(dirname(file), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Directory fsync is not supported on Windows; the rename is still atomic there.
  }
};
