import { z } from 'zod';

/**
 * The sync protocol between a device and the tracker (HTTP + JSON, gzip'd request bodies).
 * docs/tracker.md describes the endpoints; this file holds the shapes both sides validate.
 */

export const apiPrefix = '/api/v1';
export const syncPaths = {
  health: `${apiPrefix}/health`,
  enrol: `${apiPrefix}/enrol`,
  device: `${apiPrefix}/device`,
  sync: `${apiPrefix}/sync`,
  bundles: `${apiPrefix}/bundles`,
} as const;

/** At most this many items per batch; the tracker refuses larger batches whole. */
export const maxBatchItems = 500;
/** Largest accepted request body, compressed or not (bytes). */
export const maxBatchBytes = 2 * 1024 * 1024;
/** A device clock further than this from the tracker's is flagged to the admin. */
export const maxClockSkewMs = 10 * 60 * 1000;

export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9:_-]{8,100}$/, 'expected an idempotency key');

/**
 * Per item: 'accepted' stored now; 'duplicate' already stored with the same content (also the
 * answer on a replayed batch); 'conflict' same id with different content, kept aside for review;
 * 'invalid' refused for good (see reason), never to be retried.
 */
export const itemStatusSchema = z.enum(['accepted', 'duplicate', 'conflict', 'invalid']);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const invalidReasonSchema = z.enum([
  'malformed',
  'unexpected-field',
  'wrong-centre',
  'no-consent',
  'person-erased',
  'future-date',
  'past-retention',
]);
export type InvalidReason = z.infer<typeof invalidReasonSchema>;

export const syncRequestSchema = z.object({ items: z.array(z.unknown()).min(1).max(maxBatchItems) }).strict();

export const itemResultSchema = z
  .object({
    index: z.number().int().min(0),
    status: itemStatusSchema,
    reason: invalidReasonSchema.optional(),
  })
  .strict();
export type ItemResult = z.infer<typeof itemResultSchema>;

export const syncResponseSchema = z
  .object({
    serverTime: z.string(),
    results: z.array(itemResultSchema),
  })
  .strict();
export type SyncResponse = z.infer<typeof syncResponseSchema>;

export const enrolRequestSchema = z.object({ code: z.string().min(1).max(64) }).strict();

export const enrolResponseSchema = z
  .object({
    deviceId: z.string().uuid(),
    /** Secret sent as `Authorization: Bearer <credential>` on every later call. */
    credential: z.string(),
    /** Base64url 32-byte key for USB bundles (see bundle-format.ts). */
    bundleKey: z.string(),
    centre: z.object({ id: z.string().uuid(), code: z.string(), country: z.string() }).strict(),
    serverTime: z.string(),
  })
  .strict();
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const deviceInfoSchema = z
  .object({
    deviceId: z.string().uuid(),
    centre: z.object({ id: z.string().uuid(), code: z.string(), country: z.string() }).strict(),
    serverTime: z.string(),
  })
  .strict();
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;
