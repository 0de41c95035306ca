import { z } from 'zod';
import type { ErrorCode } from './error-codes';
import { defineCall, defineEvent } from './define';

/**
 * Sync with the central reach tracker (issue 13), centre admin only. The device credential never
 * crosses this boundary: main keeps it.
 *
 * Error codes (message keys in common/i18n/{es,en}/sync.json, key = `sync.error.<code after the dot>`):
 * - `sync.bad-address`, `sync.insecure-address` (plain http to another computer)
 * - `sync.unreachable`, `sync.host-not-found`, `sync.timeout`, `sync.certificate`, `sync.not-a-tracker`
 * - `sync.enrolment-code-invalid`, `sync.enrolment-code-used`, `sync.enrolment-code-expired`,
 *   `sync.rate-limited` (params.seconds)
 * - `sync.device-revoked`, `sync.unauthenticated`, `sync.not-enrolled`, `sync.credential-unreadable`
 * - `sync.server-error` (params.status), `sync.unexpected-answer` (params.status)
 * - `sync.nothing-to-export`
 */

const isoTime = z.string();

export const syncErrorValueSchema = z.object({
  code: z.custom<ErrorCode>((value) => typeof value === 'string'),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  details: z.array(z.string()).optional(),
});

/** not-enrolled → enrol first; revoked → the tracker removed this PC; running → a sync is going on. */
export const syncStateSchema = z.enum([
  'not-enrolled',
  'revoked',
  'running',
  'ok',
  'failing',
  'never-synced',
]);
export type SyncState = z.infer<typeof syncStateSchema>;

export const syncStatusSchema = z.object({
  state: syncStateSchema,
  enrolment: z
    .object({
      tracker: z.string(),
      deviceId: z.string(),
      centre: z.string(),
      country: z.string(),
      enrolledAt: isoTime,
      revokedAt: isoTime.nullable(),
      /** Where the device credential is kept: the OS key store, or a file only this user can read. */
      credential: z.enum(['os-keystore', 'private-file']),
    })
    .nullable(),
  lastSuccessAt: isoTime.nullable(),
  lastAttemptAt: isoTime.nullable(),
  /** Why the latest attempt failed; null when it worked (never "failed" after a success). */
  lastError: syncErrorValueSchema.nullable(),
  nextAttemptAt: isoTime.nullable(),
  /** Tracker clock minus this PC's clock (ms) at the latest answer; flagged over 10 minutes. */
  clockSkewMs: z.number().nullable(),
  clockSuspect: z.boolean(),
  counts: z.object({
    pending: z.number().int().min(0),
    sent: z.number().int().min(0),
    withheld: z.number().int().min(0),
    conflict: z.number().int().min(0),
    invalid: z.number().int().min(0),
  }),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncProblemSchema = z.object({
  outboxId: z.number().int(),
  state: z.enum(['conflict', 'invalid']),
  reason: z.string().nullable(),
  entity: z.string(),
  op: z.string(),
  createdAt: isoTime,
  answeredAt: isoTime,
});
export type SyncProblem = z.infer<typeof syncProblemSchema>;

export const syncBundleResultSchema = z.object({
  itemCount: z.number().int().min(1),
  fileName: z.string(),
  filePath: z.string(),
  sizeBytes: z.number().int().min(0),
  /** The file's bytes (base64) for a browser download; null when over 25 MB (use filePath). */
  contentBase64: z.string().nullable(),
});
export type SyncBundleResult = z.infer<typeof syncBundleResultSchema>;

const empty = z.object({}).strict();

export const syncCalls = {
  'sync.status': defineCall({ args: empty, result: syncStatusSchema, access: 'admin' }),
  /** Exchanges a one-time enrolment code for this PC's own credential. */
  'sync.enrol': defineCall({
    args: z
      .object({
        address: z.string().trim().min(1).max(300),
        code: z.string().trim().min(1).max(64),
      })
      .strict(),
    result: syncStatusSchema,
    access: 'admin',
  }),
  /** Starts a sync now (or joins the one running) and answers at once; poll sync.status. */
  'sync.now': defineCall({ args: empty, result: syncStatusSchema, access: 'admin' }),
  'sync.problems': defineCall({
    args: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    result: z.object({ problems: z.array(syncProblemSchema) }),
    access: 'admin',
  }),
  /** The rows still to send as one signed, encrypted file for a USB stick (no internet at all). */
  'sync.exportBundle': defineCall({ args: empty, result: syncBundleResultSchema, access: 'admin' }),
};

export type SyncCallName = keyof typeof syncCalls;

export const syncEvents = {
  /** A round started or ended, or the enrolment changed: the Sync tab asks for the new status. */
  'sync.changed': defineEvent(z.object({ state: syncStateSchema })),
};
