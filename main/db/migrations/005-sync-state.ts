import type { Migration } from '../migration';

/**
 * Sync progress, kept in the same database as the outbox so a power cut cannot separate them.
 * sync_batches: each batch sent to the tracker, its Idempotency-Key and whether the tracker
 * answered it (at most one is open: a restart re-sends that one before making another).
 * sync_items: one row per outbox row looked at, with what became of it: queued in a batch,
 * accepted, duplicate, conflict or invalid (the tracker's answer, with its reason), withheld (a
 * minor without consent for central reporting: never leaves the PC) or superseded (erased or
 * consent withdrawn later: only the tombstone is sent).
 */
export const migration005SyncState: Migration = {
  version: 5,
  name: 'sync-state',
  sql: `
    CREATE TABLE sync_batches (
      id TEXT PRIMARY KEY,
      first_outbox_id INTEGER NOT NULL,
      last_outbox_id INTEGER NOT NULL,
      item_count INTEGER NOT NULL CHECK (item_count BETWEEN 0 AND 500),
      created_at TEXT NOT NULL,
      acked_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX sync_batches_one_open ON sync_batches ((1)) WHERE acked_at IS NULL;
    CREATE TABLE sync_items (
      outbox_id INTEGER PRIMARY KEY REFERENCES outbox (id),
      batch_id TEXT REFERENCES sync_batches (id),
      state TEXT NOT NULL CHECK (state IN
        ('queued', 'accepted', 'duplicate', 'conflict', 'invalid', 'withheld', 'superseded')),
      reason TEXT,
      updated_at TEXT NOT NULL,
      CHECK ((state IN ('withheld', 'superseded')) = (batch_id IS NULL))
    ) STRICT;
    CREATE INDEX sync_items_by_batch ON sync_items (batch_id);
    CREATE INDEX sync_items_by_state ON sync_items (state);
  `,
};
