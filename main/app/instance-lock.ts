/**
 * One app instance per data folder. Two instances on one folder would keep two wrong-PIN counts,
 * two write queues on one database and two autosaves racing. The lock is a file created with
 * O_EXCL holding the owner's process id; a lock left by a process that no longer runs (a crash,
 * a power cut) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../common/ipc/app-error';
import { messages } from '../../common/i18n/messages';
import { privateFileMode, writeFully } from './atomic-write';

export const instanceLockName = 'chispa.lock';

export interface InstanceLock {
  release(): void;
}

const processRuns = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const ownerOf = (file: string): number => {
  try {
    return Number(JSON.parse(readFileSync(file, 'utf8')).pid);
  } catch {
    return 0;
  }
};

export const alreadyRunningError = (dataDir: string, pid: number): AppError =>
  new AppError('app.already-running', {
    messageKey: 'app.error.already-running',
    params: { pid },
    details: [dataDir],
  });

/** The message for a person starting a second instance, in both languages (no locale is known yet). */
export const alreadyRunningText = (pid: number): string =>
  [messages.es, messages.en]
    .map((table) => table['app.error.already-running'].replace('{pid}', String(pid)))
    .join('\n');

export const acquireInstanceLock = (dataDir: string): InstanceLock => {
  const file = join(dataDir, instanceLockName);
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fd = openSync(file, 'wx', privateFileMode);
      try {
        writeFully(fd, Buffer.from(JSON.stringify({ pid: process.pid, since: new Date().toISOString() })));
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (ownerOf(file) === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = ownerOf(file);
      // An unreadable lock younger than a few seconds is another instance still writing it.
      const stat = statSync(file, { throwIfNoEntry: false });
      const fresh = pid === 0 && stat !== undefined && Date.now() - stat.mtimeMs < 5000;
      if (fresh || pid === process.pid || processRuns(pid)) throw alreadyRunningError(dataDir, pid);
      rmSync(file, { force: true });
    }
  }
  throw alreadyRunningError(dataDir, ownerOf(file));
};
