import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/db/migrate';
import type { SqliteConnection } from '../../../../main/db/sqlite';
import { databaseAt, now, tableNames } from './helpers';

describe('migration 006 lesson progress', () => {
  let db: SqliteConnection;
  afterEach(() => db?.close());

  const person = (id: string) =>
    db.run(
      `INSERT INTO people (id, display_name, search_key, type, centre, created_at, updated_at)
       VALUES (?, 'Ana', 'ana', 'learner', 'c', ?, ?)`,
      [id, now, now],
    );
  const progress = (id: string, learner: string, personId: string | null, step = 0) =>
    db.run(
      `INSERT INTO lesson_progress (id, learner, person_id, lesson_id, step, lesson_done, completed_at, completed_on)
       VALUES (?, ?, ?, 'blink', ?, 0, ?, '2026-11-22')`,
      [id, learner, personId, step, now],
    );
  const outboxRow = (entity: string) =>
    db.run(
      `INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES (?, 'e', 'create', '{}', ?)`,
      [entity, now],
    );

  it('rebuilds the outbox keeping its rows, ids, counter and sync items, and accepts lesson progress', async () => {
    db = await databaseAt(5);
    for (let i = 0; i < 3; i++) await outboxRow('session');
    await db.run(`DELETE FROM outbox WHERE id = 3`);
    await db.run(
      `INSERT INTO sync_batches (id, first_outbox_id, last_outbox_id, item_count, created_at) VALUES ('b', 1, 2, 2, ?)`,
      [now],
    );
    await db.run(
      `INSERT INTO sync_items (outbox_id, batch_id, state, updated_at) VALUES (1, 'b', 'queued', ?)`,
      [now],
    );
    await expect(outboxRow('lesson-progress')).rejects.toThrow(/CHECK constraint/);

    expect(await migrate(db, { upTo: 6 })).toEqual({ from: 5, to: 6 });
    expect(await schemaVersion(db)).toBe(6);
    expect(await tableNames(db)).toEqual(
      expect.arrayContaining(['lesson_progress', 'outbox', 'sync_items', 'sync_batches']),
    );
    expect(await tableNames(db)).not.toContain('outbox_v6');
    expect(await db.all('SELECT id FROM outbox ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await db.all('SELECT outbox_id, state FROM sync_items')).toEqual([
      { outbox_id: 1, state: 'queued' },
    ]);
    // The deleted id 3 is never handed out again.
    expect((await outboxRow('lesson-progress')).lastId).toBe(4);
    await expect(outboxRow('note')).rejects.toThrow(/CHECK constraint/);
    // sync_items still points at the (new) outbox.
    await expect(
      db.run(
        `INSERT INTO sync_items (outbox_id, batch_id, state, updated_at) VALUES (99, 'b', 'queued', ?)`,
        [now],
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await db.all(`SELECT * FROM pragma_foreign_key_check`)).toEqual([]);
    expect(await migrate(db, { upTo: 6 })).toEqual({ from: 6, to: 6 });
  });

  it('counts a step once per learner, keeps anonymous runs apart and goes with an erased person', async () => {
    db = await databaseAt(6);
    await person('p1');
    await progress('r1', 'p1', 'p1');
    await expect(progress('r2', 'p1', 'p1')).rejects.toThrow(/UNIQUE constraint/);
    await progress('r3', 'anon:run-1', null);
    await progress('r4', 'anon:run-2', null);
    await expect(progress('r5', 'anon:run-1', null)).rejects.toThrow(/UNIQUE constraint/);
    await expect(progress('r6', 'anon:run-3', 'p1')).rejects.toThrow(/CHECK constraint/);
    await expect(progress('r7', 'p2', null)).rejects.toThrow(/CHECK constraint/);
    await expect(progress('r8', 'p1', 'p1', 201)).rejects.toThrow(/CHECK constraint/);
    await expect(progress('r9', 'nobody', 'nobody', 1)).rejects.toThrow(/FOREIGN KEY/);
    await db.run(`DELETE FROM people WHERE id = 'p1'`);
    expect(await db.all('SELECT id FROM lesson_progress ORDER BY id')).toEqual([{ id: 'r3' }, { id: 'r4' }]);
  });
});
