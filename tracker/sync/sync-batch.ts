import { createHash } from 'node:crypto';
import type { ItemResult } from '../../common/sync/sync-protocol';
import type { Database } from '../db/database';
import { ensureMonthPartitions, forgetKnownPartitions } from '../db/month-partitions';
import { firstKeptMonth, type RetentionMonths } from '../db/retention';
import { applyBatch, type EnrolledDevice } from './apply-batch';

/** `replayed`: the key was answered before; these are the stored answers, nothing changed now. */
export type SyncBatchOutcome =
  { kind: 'answered'; results: ItemResult[]; replayed: boolean } | { kind: 'key-reused' };

export interface SyncBatchOptions {
  retention?: RetentionMonths;
  now?: Date;
}

/** The months of the check-ins in a batch that need a partition ('YYYY-MM'). */
const attendanceMonths = (items: unknown[], keepFrom: string | null): string[] =>
  items.flatMap((item) => {
    const date = (item as { payload?: { sessionDate?: unknown } } | null)?.payload?.sessionDate;
    if (typeof date !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(date)) return [];
    const month = date.slice(0, 7);
    return keepFrom && month < keepFrom ? [] : [month];
  });

/**
 * One batch, one transaction: the Idempotency-Key row, the facts, the rollups and the stored
 * answer commit together or not at all. A replayed key with the same body gets the stored
 * answer; with another body it is refused. A month seen for the first time gets its partitions
 * before the transaction starts (DDL never runs inside a sync transaction).
 */
export const syncBatch = async (
  db: Database,
  device: EnrolledDevice,
  idempotencyKey: string,
  items: unknown[],
  { retention = null, now = new Date() }: SyncBatchOptions = {},
): Promise<SyncBatchOutcome> => {
  const bodyHash = createHash('sha256').update(JSON.stringify(items)).digest('base64url');
  const keepFrom = firstKeptMonth(retention, now);
  await ensureMonthPartitions(db, attendanceMonths(items, keepFrom));
  try {
    return await db.transaction(async (tx) => {
      const claimed = await tx.query(
        `INSERT INTO sync_request (centre_id, device_id, idempotency_key, body_hash) VALUES ($1::uuid, $2::uuid, $3, $4)
         ON CONFLICT (centre_id, device_id, idempotency_key) DO NOTHING RETURNING idempotency_key`,
        [device.centreId, device.id, idempotencyKey, bodyHash],
      );
      if (claimed.length === 0) {
        const [stored] = await tx.query<{ body_hash: string; response: ItemResult[] | string }>(
          `SELECT body_hash, response FROM sync_request
           WHERE centre_id = $1::uuid AND device_id = $2::uuid AND idempotency_key = $3`,
          [device.centreId, device.id, idempotencyKey],
        );
        if (stored.body_hash !== bodyHash) return { kind: 'key-reused' as const };
        const response = typeof stored.response === 'string' ? JSON.parse(stored.response) : stored.response;
        return { kind: 'answered' as const, results: response as ItemResult[], replayed: true };
      }
      const results = await applyBatch(tx, device, items, now, keepFrom);
      await tx.query(
        `UPDATE sync_request SET response = $4::jsonb
         WHERE centre_id = $1::uuid AND device_id = $2::uuid AND idempotency_key = $3`,
        [device.centreId, device.id, idempotencyKey, JSON.stringify(results)],
      );
      return { kind: 'answered' as const, results, replayed: false };
    });
  } catch (error) {
    // A month dropped by another tracker process: look at the partitions afresh next time.
    forgetKnownPartitions(db);
    throw error;
  }
};

/** Idempotency rows older than this are removed (a device retries a batch within hours, not weeks). */
export const idempotencyTtlDays = 30;

export const reapIdempotencyKeys = (db: Database) =>
  db.query(`DELETE FROM sync_request WHERE created_at < now() - make_interval(days => $1)`, [
    idempotencyTtlDays,
  ]);
