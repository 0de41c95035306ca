import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/db/migrate';
import type { SqliteConnection } from '../../../../main/db/sqlite';
import { databaseAt, now, tableNames } from './helpers';

describe('migration 005 sync state', () => {
  let db: SqliteConnection;
  afterEach(() => db?.close());

  const outboxRow = () =>
    db.run(
      `INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES ('session', 's', 'create', '{}', ?)`,
      [now],
    );
  const batch = (id: string, ackedAt: string | null) =>
    db.run(
      `INSERT INTO sync_batches (id, first_outbox_id, last_outbox_id, item_count, created_at, acked_at)
       VALUES (?, 1, 1, 1, ?, ?)`,
      [id, now, ackedAt],
    );
  const item = (outboxId: number, batchId: string | null, state: string) =>
    db.run('INSERT INTO sync_items (outbox_id, batch_id, state, updated_at) VALUES (?, ?, ?, ?)', [
      outboxId,
      batchId,
      state,
      now,
    ]);

  it('adds the batch and item tables on top of 004 and is a no-op when run again', async () => {
    db = await databaseAt(4);
    expect(await migrate(db, { upTo: 5 })).toEqual({ from: 4, to: 5 });
    expect(await schemaVersion(db)).toBe(5);
    expect(await tableNames(db)).toEqual(expect.arrayContaining(['sync_batches', 'sync_items', 'outbox']));
    expect(await migrate(db, { upTo: 5 })).toEqual({ from: 5, to: 5 });
  });

  it('allows one open batch at a time, items only for outbox rows, and withheld rows in no batch', async () => {
    db = await databaseAt(5);
    await outboxRow();
    await outboxRow();
    await batch('b1', null);
    await expect(batch('b2', null)).rejects.toThrow(/UNIQUE constraint/);
    await batch('b2', now);
    await item(1, 'b1', 'queued');
    await expect(item(99, 'b1', 'queued')).rejects.toThrow(/FOREIGN KEY/);
    await expect(item(2, 'b1', 'withheld')).rejects.toThrow(/CHECK constraint/);
    await expect(item(2, null, 'queued')).rejects.toThrow(/CHECK constraint/);
    await expect(item(2, null, 'lost')).rejects.toThrow(/CHECK constraint/);
    await item(2, null, 'withheld');
    await expect(item(2, null, 'superseded')).rejects.toThrow(/UNIQUE constraint/);
  });
});
