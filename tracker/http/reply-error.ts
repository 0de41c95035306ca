import type { FastifyReply } from 'fastify';
import type { SyncErrorBody, SyncErrorCode } from '../../common/sync/sync-errors';

const statusOf: Record<SyncErrorCode, number> = {
  'invalid-request': 400,
  'batch-too-large': 413,
  unauthenticated: 401,
  'device-revoked': 403,
  'enrolment-code-invalid': 400,
  'enrolment-code-used': 409,
  'enrolment-code-expired': 410,
  'rate-limited': 429,
  'idempotency-key-reused': 422,
  'bundle-invalid': 400,
  'not-found': 404,
  'server-error': 500,
};

const messages: Record<SyncErrorCode, string> = {
  'invalid-request': 'The request is not in the expected shape.',
  'batch-too-large': 'The batch is too large.',
  unauthenticated: 'Missing or unknown credential.',
  'device-revoked': 'This device was revoked by the tracker admin.',
  'enrolment-code-invalid': 'No such enrolment code.',
  'enrolment-code-used': 'This enrolment code was already used.',
  'enrolment-code-expired': 'This enrolment code expired.',
  'rate-limited': 'Too many tries. Wait and try again.',
  'idempotency-key-reused': 'This Idempotency-Key was used with a different body.',
  'bundle-invalid': 'The bundle is not valid: unknown device, changed or damaged.',
  'not-found': 'Not found.',
  'server-error': 'The tracker failed. Try again later.',
};

export const errorBody = (code: SyncErrorCode): SyncErrorBody => ({
  error: { code, message: messages[code] },
  serverTime: new Date().toISOString(),
});

/** Every error answer: the status for its code, `{ error: { code, message }, serverTime }`. */
export const replyError = (reply: FastifyReply, code: SyncErrorCode, retryAfter?: number) => {
  if (retryAfter) void reply.header('retry-after', String(retryAfter));
  return reply.code(statusOf[code]).send(errorBody(code));
};
