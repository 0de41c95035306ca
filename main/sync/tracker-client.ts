/**
 * HTTP to the tracker (Node's fetch). Certificate verification stays on; redirects are refused
 * (a redirect could carry the credential elsewhere). Every failure becomes a SyncFailure: what the
 * admin reads (an AppError with a sync.* message key) and whether trying again later may help.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { z } from 'zod';
import { AppError } from '../../common/ipc/app-error';
import type { SyncItem } from '../../common/sync/sync-items';
import { syncErrorBodySchema, type SyncErrorCode } from '../../common/sync/sync-errors';
import {
  deviceInfoSchema,
  enrolResponseSchema,
  syncPaths,
  syncResponseSchema,
  type DeviceInfo,
  type EnrolResponse,
  type SyncResponse,
} from '../../common/sync/sync-protocol';
import { syncError } from './errors';
import { trackerEndpoint } from './tracker-address';

const gzipAsync = promisify(gzip);

export class SyncFailure extends AppError {
  constructor(
    readonly reason: AppError,
    /** Trying the same request later may work (network, tracker busy or down). */
    readonly retryable: boolean,
    /** The tracker said this device is revoked or unknown: stop syncing until enrolled again. */
    readonly credentialRefused = false,
    /** Seconds the tracker asked us to wait (Retry-After), if any. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(reason.code, {
      messageKey: reason.messageKey,
      params: reason.params,
      details: reason.details,
      cause: reason.cause,
    });
  }
}

/** An answer: the parsed body plus the tracker's clock at that moment. */
export interface Answer<T> {
  body: T;
  serverTime: string | null;
}

const certificateCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const causeCode = (error: unknown): string => {
  let current = error as { code?: string; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (typeof current.code === 'string' && current.code !== 'UND_ERR_SOCKET') return current.code;
    current = current.cause as typeof current;
  }
  return '';
};

const networkFailure = (error: unknown, host: string): SyncFailure => {
  if ((error as Error)?.name === 'TimeoutError') return new SyncFailure(syncError('timeout', { host }), true);
  const code = causeCode(error);
  if (certificateCodes.has(code)) return new SyncFailure(syncError('certificate', { host }), false);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new SyncFailure(syncError('host-not-found', { host }), true);
  }
  return new SyncFailure(syncError('unreachable', { host }, { details: [code || String(error)] }), true);
};

const httpFailure = (status: number, code: SyncErrorCode | null, retryAfter: string | null): SyncFailure => {
  const seconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  switch (code) {
    case 'device-revoked':
      return new SyncFailure(syncError('device-revoked'), false, true);
    case 'unauthenticated':
      return new SyncFailure(syncError('unauthenticated'), false, true);
    case 'enrolment-code-invalid':
    case 'enrolment-code-used':
    case 'enrolment-code-expired':
      return new SyncFailure(syncError(code), false);
    case 'rate-limited':
      return new SyncFailure(syncError('rate-limited', { seconds: seconds ?? 60 }), true, false, seconds);
    case 'bundle-invalid':
    case 'idempotency-key-reused':
    case 'batch-too-large':
      return new SyncFailure(syncError(code), false);
    default:
      return status >= 500 || status === 429
        ? new SyncFailure(syncError('server-error', { status }), true, false, seconds)
        : new SyncFailure(syncError('unexpected-answer', { status }), false);
  }
};

export interface TrackerClient {
  enrol(code: string): Promise<Answer<EnrolResponse>>;
  device(token: string): Promise<Answer<DeviceInfo>>;
  sync(token: string, idempotencyKey: string, items: readonly SyncItem[]): Promise<Answer<SyncResponse>>;
}

export const createTrackerClient = (base: string, options: { timeoutMs?: number } = {}): TrackerClient => {
  const host = new URL(base).host;
  const timeoutMs = options.timeoutMs ?? 60_000;

  const request = async <S extends z.ZodType>(
    path: string,
    schema: S,
    init: {
      method: 'GET' | 'POST';
      headers?: Record<string, string>;
      body?: Uint8Array<ArrayBuffer> | string;
    },
  ): Promise<Answer<z.output<S>>> => {
    let response: Response;
    let text: string;
    try {
      response = await fetch(trackerEndpoint(base, path), {
        method: init.method,
        headers: { Accept: 'application/json', ...init.headers },
        body: init.body,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw networkFailure(error, host);
    }
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // A captive portal or a proxy page: not our tracker.
    }
    if (!response.ok) {
      const errorBody = syncErrorBodySchema.safeParse(json);
      throw httpFailure(
        response.status,
        errorBody.success ? errorBody.data.error.code : null,
        response.headers.get('retry-after'),
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SyncFailure(syncError('not-a-tracker', { host }), true);
    }
    const serverTime = (json as { serverTime?: unknown }).serverTime;
    return {
      body: parsed.data,
      serverTime: typeof serverTime === 'string' ? serverTime : response.headers.get('date'),
    };
  };

  return {
    enrol: (code) =>
      request(syncPaths.enrol, enrolResponseSchema, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      }),
    device: (token) =>
      request(syncPaths.device, deviceInfoSchema, {
        method: 'GET',
        headers: { Authorization: `Bearer ${token}` },
      }),
    sync: async (token, idempotencyKey, items) =>
      request(syncPaths.sync, syncResponseSchema, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Idempotency-Key': idempotencyKey,
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
        },
        body: new Uint8Array(await gzipAsync(JSON.stringify({ items }))),
      }),
  };
};
