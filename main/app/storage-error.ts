/**
 * File-system failures as typed errors the user can read: a full disk (ENOSPC, EDQUOT) says
 * "disco lleno" / "disk full"; anything else is a write failure, not a generic "internal".
 */
import { AppError } from '../../common/ipc/app-error';

const diskFullCodes = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

const errnoCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  // SQLite reports a full disk as SQLITE_FULL ("database or disk is full").
  const message = error instanceof Error ? error.message : String(error);
  return /SQLITE_FULL|disk is full/i.test(message) ? 'ENOSPC' : '';
};

export const isDiskFull = (error: unknown): boolean =>
  (error instanceof AppError && error.code === 'storage.disk-full') || diskFullCodes.has(errnoCode(error));

/** Maps any file-system error to storage.disk-full or storage.write-failed; AppErrors pass through. */
export const storageErrorFrom = (error: unknown): AppError => {
  if (error instanceof AppError) return error;
  if (isDiskFull(error)) {
    return new AppError('storage.disk-full', { messageKey: 'storage.error.disk-full', cause: error });
  }
  const code = errnoCode(error) || 'unknown';
  return new AppError('storage.write-failed', {
    messageKey: 'storage.error.write-failed',
    details: [code],
    cause: error,
  });
};
