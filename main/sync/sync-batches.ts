/**
 * Sync progress in the database (tables of migration 005). Reads go through the reader
 * connection; each write is one short transaction through the write queue (one INSERT/UPDATE
 * per state using json_each), so a check-in never waits behind the sync for long.
 */
import { randomUUID } from 'node:crypto';
import type { ItemResult } from '../../common/sync/sync-protocol';
import { maxBatchItems } from '../../common/sync/sync-protocol';
import type { SyncItem } from '../../common/sync/sync-items';
import type { AppDatabase } from '../db/app-database';
import type { Sql } from '../db/sqlite';
import { outboxColumns, readClassified, toSyncItem, type Classified, type OutboxRow } from './outbox-items';

type Sendable = Extract<Classified, { state: 'send' }>;

export interface OpenBatch {
  id: string;
  outboxIds: number[];
  items: SyncItem[];
}

export const scannedThrough = async (sql: Sql): Promise<number> =>
  (await sql.get<{ last: number | null }>('SELECT MAX(outbox_id) AS last FROM sync_items'))?.last ?? 0;

const loadBatch = async (sql: Sql, id: string, centre: string): Promise<OpenBatch> => {
  const rows = await sql.all<OutboxRow>(
    `SELECT ${outboxColumns} FROM outbox
     WHERE id IN (SELECT outbox_id FROM sync_items WHERE batch_id = ?) ORDER BY id`,
    [id],
  );
  return { id, outboxIds: rows.map((row) => row.id), items: rows.map((row) => toSyncItem(row, centre)) };
};

/** The batch sent but not answered yet (after a crash or a failed try): it goes again, same key. */
export const openBatch = async (sql: Sql, centre: string): Promise<OpenBatch | null> => {
  const row = await sql.get<{ id: string }>('SELECT id FROM sync_batches WHERE acked_at IS NULL');
  return row ? loadBatch(sql, row.id, centre) : null;
};

/**
 * Looks at the next outbox rows (oldest first), records the withheld and superseded ones and
 * queues up to maxBatchItems sendable ones as a new batch. Null when nothing is left to send.
 */
export const makeBatch = async (
  db: AppDatabase,
  centre: string,
  now: () => string,
): Promise<OpenBatch | null> => {
  for (;;) {
    const after = await scannedThrough(db.read);
    const classified = await readClassified(db.read, after, maxBatchItems, centre);
    if (classified.length === 0) return null;
    const send = classified.filter((row): row is Sendable => row.state === 'send');
    const kept = classified.filter((row) => row.state !== 'send');
    const id = randomUUID();
    const made = await db.write(async (tx) => {
      // Another round got here first: start again from what it recorded.
      if ((await scannedThrough(tx)) !== after) return false;
      const at = now();
      for (const state of ['withheld', 'superseded'] as const) {
        const ids = kept.filter((row) => row.state === state).map((row) => row.outboxId);
        if (ids.length === 0) continue;
        await tx.run(
          `INSERT INTO sync_items (outbox_id, batch_id, state, updated_at)
           SELECT value, NULL, ?, ? FROM json_each(?)`,
          [state, at, JSON.stringify(ids)],
        );
      }
      if (send.length === 0) return true;
      await tx.run(
        `INSERT INTO sync_batches (id, first_outbox_id, last_outbox_id, item_count, created_at)
         VALUES (?, ?, ?, ?, ?)`,
        [id, send[0].outboxId, send[send.length - 1].outboxId, send.length, at],
      );
      await tx.run(
        `INSERT INTO sync_items (outbox_id, batch_id, state, updated_at)
         SELECT value, ?, 'queued', ? FROM json_each(?)`,
        [id, at, JSON.stringify(send.map((row) => row.outboxId))],
      );
      return true;
    });
    if (made && send.length > 0) {
      return {
        id,
        outboxIds: send.map((row) => row.outboxId),
        items: send.map((row) => row.item),
      };
    }
  }
};

export interface BatchOutcome {
  accepted: number;
  duplicate: number;
  conflict: number;
  invalid: number;
}

/** Records the tracker's answer for each item and closes the batch, in one transaction. */
export const applyResults = async (
  tx: Sql,
  batch: OpenBatch,
  results: readonly ItemResult[],
  at: string,
): Promise<BatchOutcome> => {
  const groups = new Map<string, number[]>();
  for (const result of results) {
    const key = `${result.status}\u0000${result.reason ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), batch.outboxIds[result.index]]);
  }
  for (const [key, ids] of groups) {
    const [state, reason] = key.split('\u0000');
    await tx.run(
      `UPDATE sync_items SET state = ?, reason = ?, updated_at = ?
       WHERE batch_id = ? AND outbox_id IN (SELECT value FROM json_each(?))`,
      [state, reason || null, at, batch.id, JSON.stringify(ids)],
    );
  }
  await tx.run('UPDATE sync_batches SET acked_at = ? WHERE id = ?', [at, batch.id]);
  const count = (status: string) => results.filter((result) => result.status === status).length;
  return {
    accepted: count('accepted'),
    duplicate: count('duplicate'),
    conflict: count('conflict'),
    invalid: count('invalid'),
  };
};

/**
 * The tracker refused the batch's key as reused with other content: give the same rows a new key.
 * (The rows' content only changes if the enrolled centre changed under an open batch.)
 */
export const rekeyBatch = async (tx: Sql, batch: OpenBatch): Promise<void> => {
  const id = randomUUID();
  await tx.run("UPDATE sync_batches SET acked_at = 'rekeyed' WHERE id = ?", [batch.id]);
  await tx.run(
    `INSERT INTO sync_batches (id, first_outbox_id, last_outbox_id, item_count, created_at)
     SELECT ?, first_outbox_id, last_outbox_id, item_count, created_at FROM sync_batches WHERE id = ?`,
    [id, batch.id],
  );
  await tx.run('UPDATE sync_items SET batch_id = ? WHERE batch_id = ?', [id, batch.id]);
  await tx.run('DELETE FROM sync_batches WHERE id = ?', [batch.id]);
};

/** Forgets all progress (enrolled with another tracker or centre: everything goes again). */
export const resetProgress = async (tx: Sql): Promise<void> => {
  await tx.run('DELETE FROM sync_items');
  await tx.run('DELETE FROM sync_batches');
};
