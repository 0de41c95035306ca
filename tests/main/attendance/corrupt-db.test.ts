import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import { openService, quietLogger, removeLayout, tempLayout } from './helpers';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const damage = {
  /** The 100-byte header overwritten: SQLite says "not a database". */
  header: (file: string) => {
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
    closeSync(fd);
  },
  /** A b-tree page in the middle overwritten with garbage: the integrity check fails. */
  page: (file: string) => {
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * 2);
    closeSync(fd);
  },
};

describe('a corrupted database file', () => {
  let layout: DataLayout;
  afterEach(() => removeLayout(layout));

  it.each(Object.keys(damage) as (keyof typeof damage)[])(
    'is never overwritten (%s damage): reported as db.corrupt, latest backup offered and restorable with the admin PIN',
    async (kind) => {
      layout = tempLayout();
      const session = createConnectionSession('w1');
      const first = await openService(layout);
      await first.staff.setup(session, '4321', 'centro-norte');
      for (const name of ['Ana', 'Beto', 'Carla'])
        await first.people.create({ displayName: name, type: 'teacher' });
      const backup = await first.backupNow();
      await first.people.create({ displayName: 'Después del respaldo', type: 'teacher' });
      await first.close();

      damage[kind](layout.database);
      const damagedHash = sha(layout.database);
      const backupsBefore = readdirSync(layout.backups).sort();

      const logger = quietLogger();
      const service = await openService(layout, logger);
      expect(service.store.state()).toBe('corrupt');
      expect(logger.errors.join('\n')).toMatch(/corrupt/);
      const status = service.storageStatus();
      expect(status).toMatchObject({
        state: 'corrupt',
        messageKey: 'staff.error.db-corrupt',
        latestBackup: { id: backup.id },
      });
      expect((await service.staff.status(createConnectionSession('w2'))).storage).toBe('corrupt');
      await expect(
        service.people.search({ query: '', includeDeleted: false, limit: 5 }),
      ).rejects.toMatchObject({
        code: 'db.corrupt',
        messageKey: 'staff.error.db-corrupt',
      });
      await expect(service.backupNow()).rejects.toMatchObject({ code: 'db.corrupt' });
      // Nothing was written: same bytes, no new backup made from the damaged file.
      expect(sha(layout.database)).toBe(damagedHash);
      expect(readdirSync(layout.backups).sort()).toEqual(backupsBefore);

      await expect(service.restoreBackup(backup.id, '9999', 'w2')).rejects.toMatchObject({
        code: 'staff.pin-wrong',
      });
      await expect(service.restoreBackup('../chispa.sqlite', '4321', 'w2')).rejects.toMatchObject({
        code: 'attendance.backup-not-found',
      });
      expect(sha(layout.database)).toBe(damagedHash);

      const restored = await service.restoreBackup(backup.id, '4321', 'w2');
      expect(restored.state).toBe('ok');
      expect(restored.corruptFileKeptAs).toMatch(/chispa\.sqlite\.damaged-/);
      expect(existsSync(restored.corruptFileKeptAs!)).toBe(true);
      expect(sha(restored.corruptFileKeptAs!)).toBe(damagedHash);
      const names = (await service.people.search({ query: '', includeDeleted: false, limit: 10 })).map(
        (p) => p.displayName,
      );
      expect(names).toEqual(['Ana', 'Beto', 'Carla']);
      expect((await service.listAudit(5))[0]).toMatchObject({ action: 'restore-backup', role: 'admin' });
      expect(statSync(layout.database).size).toBeGreaterThan(0);
      // The restored database works normally again.
      await service.people.create({ displayName: 'Nueva', type: 'teacher' });
      await service.close();
    },
  );

  it('found damaged while running: stops using the file, keeps an exact copy aside, and reports db.corrupt', async () => {
    layout = tempLayout();
    const logger = quietLogger();
    const service = await openService(layout, logger);
    await service.staff.setup(createConnectionSession('w1'), '4321', undefined);
    await service.checkIn.createSession({
      date: '2026-11-20',
      startTime: '10:00',
      activityType: 'other',
      lessons: [],
      facilitator: 'P',
    });
    const backup = await service.backupNow();
    const { rootpage } = (await service.store
      .db()
      .read.get<{ rootpage: number }>("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'"))!;
    await service.store.db().exclusive((writer) => writer.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
    const fd = openSync(layout.database, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * (rootpage - 1));
    closeSync(fd);
    // A write elsewhere makes the reader drop its page cache and read the damaged page from disk.
    await service.people.create({ displayName: 'Ana', type: 'teacher' });
    await expect(service.checkIn.listSessions({ limit: 5 })).rejects.toMatchObject({ code: 'db.corrupt' });
    expect(service.store.state()).toBe('corrupt');
    expect(logger.errors.join('\n')).toMatch(/damaged while running/);
    const status = service.storageStatus();
    expect(status.corruptFileKeptAs).toMatch(/damaged-/);
    expect(readFileSync(status.corruptFileKeptAs!).subarray(4096 * (rootpage - 1), 4096 * rootpage)).toEqual(
      Buffer.alloc(4096, 0xab),
    );
    await expect(service.people.search({ query: '', includeDeleted: false, limit: 5 })).rejects.toMatchObject(
      {
        code: 'db.corrupt',
      },
    );
    expect((await service.restoreBackup(backup.id, '4321', 'w1')).state).toBe('ok');
    expect(await service.checkIn.listSessions({ limit: 5 })).toHaveLength(1);
    await service.close();
  });

  it('left with a WAL after a crash and damaged: neither the file nor its WAL is touched', async () => {
    layout = tempLayout();
    const crashed = tempLayout();
    try {
      const service = await openService(layout);
      await service.checkIn.createSession({
        date: '2026-11-20',
        startTime: '10:00',
        activityType: 'other',
        lessons: [],
        facilitator: 'P',
      });
      const { rootpage } = (await service.store
        .db()
        .read.get<{ rootpage: number }>("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'"))!;
      // Everything so far goes into the main file; the people added next stay in the WAL only.
      await service.store
        .db()
        .exclusive((writer) =>
          writer.exec('PRAGMA wal_checkpoint(TRUNCATE); PRAGMA wal_autocheckpoint = 0;'),
        );
      for (const name of ['Ana', 'Beto']) await service.people.create({ displayName: name, type: 'teacher' });
      // Copy the files while the app still has them open: what a power cut leaves behind.
      for (const suffix of ['', '-wal', '-shm'])
        copyFileSync(layout.database + suffix, crashed.database + suffix);
      await service.close();
      expect(statSync(crashed.database + '-wal').size).toBeGreaterThan(0);
      const fd = openSync(crashed.database, 'r+');
      writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * (rootpage - 1));
      closeSync(fd);
      const before = [sha(crashed.database), sha(crashed.database + '-wal')];
      const reopened = await openService(crashed);
      expect(reopened.store.state()).toBe('corrupt');
      await reopened.close();
      expect([sha(crashed.database), sha(crashed.database + '-wal')]).toEqual(before);
    } finally {
      removeLayout(crashed);
    }
  });
});
