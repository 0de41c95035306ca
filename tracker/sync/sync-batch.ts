import { createHash } from 'node:crypto';
import type { ItemResult } from '../../common/sync/sync-protocol';
import type { Database } from '../db/database';
import { applyBatch, type EnrolledDevice } from './apply-batch';

/** `replayed`: the key was answered before; these are the stored answers, nothing changed now. */
export type SyncBatchOutcome =
  { kind: 'answered'; results: ItemResult[]; replayed: boolean } | { kind: 'key-reused' };

/**
 * One batch, one transaction: the Idempotency-Key row, the facts, the rollups and the stored
 * answer commit together or not at all. A replayed key with the same body gets the stored
 * answer; with another body it is refused.
 */
export const syncBatch = async (
  db: Database,
  device: EnrolledDevice,
  idempotencyKey: string,
  items: unknown[],
  now = new Date(),
): Promise<SyncBatchOutcome> => {
  const bodyHash = createHash('sha256').update(JSON.stringify(items)).digest('base64url');
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO sync_request (device_id, idempotency_key, body_hash) VALUES ($1::uuid, $2, $3)
       ON CONFLICT (device_id, idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [device.id, idempotencyKey, bodyHash],
    );
    if (claimed.length === 0) {
      const [stored] = await tx.query<{ body_hash: string; response: ItemResult[] | string }>(
        'SELECT body_hash, response FROM sync_request WHERE device_id = $1::uuid AND idempotency_key = $2',
        [device.id, idempotencyKey],
      );
      if (stored.body_hash !== bodyHash) return { kind: 'key-reused' as const };
      const response = typeof stored.response === 'string' ? JSON.parse(stored.response) : stored.response;
      return { kind: 'answered' as const, results: response as ItemResult[], replayed: true };
    }
    const results = await applyBatch(tx, device, items, now);
    await tx.query(
      'UPDATE sync_request SET response = $3::jsonb WHERE device_id = $1::uuid AND idempotency_key = $2',
      [device.id, idempotencyKey, JSON.stringify(results)],
    );
    return { kind: 'answered' as const, results, replayed: false };
  });
};

/** Idempotency rows older than this are removed (a device retries a batch within hours, not weeks). */
export const idempotencyTtlDays = 30;

export const reapIdempotencyKeys = (db: Database) =>
  db.query(`DELETE FROM sync_request WHERE created_at < now() - make_interval(days => $1)`, [
    idempotencyTtlDays,
  ]);
