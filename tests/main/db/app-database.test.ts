import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../main/db/app-database';
import { migrations } from '../../../main/db/migrations/index';

describe('opening the app database', () => {
  it('uses WAL, synchronous=FULL, foreign keys and secure_delete, at the latest schema; the reader cannot write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chispa-db-'));
    const opened = await openAppDatabase(join(dir, 'chispa.sqlite'));
    if (opened.state !== 'ok') throw new Error(opened.state);
    const db = opened.db;
    const pragmas = await db.exclusive(async (writer) => ({
      journal: await writer.get('PRAGMA journal_mode'),
      synchronous: await writer.get('PRAGMA synchronous'),
      foreignKeys: await writer.get('PRAGMA foreign_keys'),
      secureDelete: await writer.get('PRAGMA secure_delete'),
      version: await writer.get('PRAGMA user_version'),
    }));
    expect(pragmas).toEqual({
      journal: { journal_mode: 'wal' },
      synchronous: { synchronous: 2 },
      foreignKeys: { foreign_keys: 1 },
      secureDelete: { secure_delete: 1 },
      version: { user_version: migrations.length },
    });
    await expect(db.read.run("INSERT INTO settings (key, value) VALUES ('x', 'y')")).rejects.toThrow(
      /readonly|query_only/i,
    );
    // A failing transaction leaves nothing behind; the queue carries on.
    await expect(
      db.write(async (tx) => {
        await tx.run("INSERT INTO settings (key, value) VALUES ('a', '1')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await db.write((tx) => tx.run("INSERT INTO settings (key, value) VALUES ('b', '2')"));
    expect(await db.read.all('SELECT key FROM settings ORDER BY key')).toEqual([{ key: 'b' }]);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a database from a newer app version and leaves the file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chispa-db-'));
    const file = join(dir, 'chispa.sqlite');
    const future = migrations.length + 1;
    const raw = (sql: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const db = new sqlite3.Database(file);
        db.all(sql, (error, rows) => db.close(() => (error ? reject(error) : resolve(rows))));
      });
    await raw('CREATE TABLE future_things (id INTEGER PRIMARY KEY, what TEXT)');
    await raw("INSERT INTO future_things (what) VALUES ('kept')");
    await raw(`PRAGMA user_version = ${future}`);

    const opened = await openAppDatabase(file);
    expect(opened.state).toBe('unavailable');
    expect(opened.state !== 'ok' && opened.detail).toMatch(
      new RegExp(`schema ${future} is newer than this app`),
    );
    expect(await raw('PRAGMA user_version')).toEqual([{ user_version: future }]);
    expect(await raw('SELECT what FROM future_things')).toEqual([{ what: 'kept' }]);
    rmSync(dir, { recursive: true, force: true });
  });
});
