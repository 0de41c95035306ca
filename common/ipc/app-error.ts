/**
 * Errors cross the IPC boundary as plain values with a stable code and a message key
 * (classes do not survive structured clone or JSON). Domain code throws AppError;
 * the dispatcher turns it into an IpcError value.
 */
import type { ErrorCode } from './error-codes';

export interface IpcError {
  /** Stable, machine-readable code, e.g. "bad-request", "board.not-connected" (common/ipc/error-codes.ts). */
  code: ErrorCode;
  /** Key into the locale files (common/i18n), e.g. "error.bad-request". */
  messageKey: string;
  /** Values interpolated into the message, e.g. { row: 3 }. */
  params?: Record<string, string | number>;
  /** Extra machine-readable detail, e.g. which argument failed validation. */
  details?: string[];
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params?: Record<string, string | number>;
  readonly details?: string[];

  constructor(
    code: ErrorCode,
    options: {
      messageKey?: string;
      params?: Record<string, string | number>;
      details?: string[];
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageKey = options.messageKey ?? `error.${code}`;
    this.params = options.params;
    this.details = options.details;
  }

  toIpcError(): IpcError {
    const error: IpcError = { code: this.code, messageKey: this.messageKey };
    if (this.params) error.params = this.params;
    if (this.details) error.details = this.details;
    return error;
  }
}
