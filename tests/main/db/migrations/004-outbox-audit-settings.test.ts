import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/db/migrate';
import type { SqliteConnection } from '../../../../main/db/sqlite';
import { databaseAt, now, tableNames } from './helpers';

describe('migration 004 outbox, audit log, settings', () => {
  let db: SqliteConnection;
  afterEach(() => db?.close());

  it('adds the three tables on top of 003 and is a no-op when run again', async () => {
    db = await databaseAt(3);
    expect(await migrate(db, { upTo: 4 })).toEqual({ from: 3, to: 4 });
    expect(await schemaVersion(db)).toBe(4);
    expect(await tableNames(db)).toEqual(
      expect.arrayContaining(['outbox', 'audit_log', 'settings', 'attendance', 'people', 'sessions']),
    );
    expect(await migrate(db, { upTo: 4 })).toEqual({ from: 4, to: 4 });
  });

  it('requires JSON outbox payloads and a known entity, and keeps the audit log append-only', async () => {
    db = await databaseAt(4);
    const outbox = (entity: string, payload: string) =>
      db.run('INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES (?, ?, ?, ?, ?)', [
        entity,
        'x',
        'create',
        payload,
        now,
      ]);
    await outbox('person', '{"id":"x"}');
    await expect(outbox('person', '{broken')).rejects.toThrow(/CHECK constraint/);
    await expect(outbox('pet', '{}')).rejects.toThrow(/CHECK constraint/);
    await db.run("INSERT INTO audit_log (at, role, actor, action) VALUES (?, 'admin', 'w1', 'export')", [
      now,
    ]);
    await expect(db.run("UPDATE audit_log SET role = 'instructor'")).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('rolls a failing migration back whole, leaving user_version where it was', async () => {
    const { migrations } = await import('../../../../main/db/migrations/index');
    db = await databaseAt(migrations.length);
    const broken = {
      version: migrations.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;',
    };
    await expect(migrate(db, { migrations: [...migrations, broken] })).rejects.toThrow(/no such table/);
    expect(await schemaVersion(db)).toBe(migrations.length);
    expect(await tableNames(db)).not.toContain('half');
  });
});
