import { z } from 'zod';

/**
 * Error codes in every non-2xx answer: `{ error: { code, message }, serverTime }`. `message` is
 * English for logs; the app turns `code` into words with its own message keys.
 */
export const syncErrorCodeSchema = z.enum([
  'invalid-request', // 400: body is not the expected shape, bad gzip, bad Idempotency-Key
  'batch-too-large', // 413: more than maxBatchItems items or maxBatchBytes bytes
  'unauthenticated', // 401: no or unknown credential
  'device-revoked', // 403: the device was revoked by the tracker admin; stop syncing
  'enrolment-code-invalid', // 400: no such code
  'enrolment-code-used', // 409: the code was already used
  'enrolment-code-expired', // 410: the code expired
  'rate-limited', // 429: too many tries; see Retry-After (seconds)
  'idempotency-key-reused', // 422: same Idempotency-Key with a different body
  'bundle-invalid', // 400: not a bundle, unknown device, tampered or undecryptable
  'not-found', // 404
  'server-error', // 500: retry later with backoff
]);
export type SyncErrorCode = z.infer<typeof syncErrorCodeSchema>;

export const syncErrorBodySchema = z
  .object({
    error: z.object({ code: syncErrorCodeSchema, message: z.string() }).strict(),
    serverTime: z.string(),
  })
  .strict();
export type SyncErrorBody = z.infer<typeof syncErrorBodySchema>;
