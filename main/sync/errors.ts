import { AppError } from '../../common/ipc/app-error';
import type { SyncErrorName } from '../../common/ipc/error-codes';

/** Sync errors: code "sync.<name>", message key "sync.error.<name>" (common/i18n/<lang>/sync.json). */
export const syncError = (
  name: SyncErrorName,
  params?: Record<string, string | number>,
  options: { cause?: unknown; details?: string[] } = {},
): AppError => new AppError(`sync.${name}`, { messageKey: `sync.error.${name}`, params, ...options });
