import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import { openAttendanceService } from '../../../main/attendance/attendance-service';
import { backupIsSound } from '../../../main/db/restore-backup';
import { backupPath, listBackups } from '../../../main/db/backups';
import { openSqlite } from '../../../main/db/sqlite';
import { quietLogger, removeLayout, tempLayout } from './helpers';

const open = (layout: DataLayout, keepBackups = 3) =>
  openAttendanceService({
    database: layout.database,
    backups: layout.backups,
    exports: layout.exports,
    logger: quietLogger(),
    store: { keepBackups, backupIntervalMs: 0 },
  });

describe('rolling backups', () => {
  let layout: DataLayout;
  afterEach(() => removeLayout(layout));

  it('backs up at start (not again on a quick restart), keeps the newest N, and each backup is a sound snapshot', async () => {
    layout = tempLayout();
    let service = await open(layout);
    expect(listBackups(layout.backups)).toHaveLength(1);
    await service.close();
    service = await open(layout);
    expect(listBackups(layout.backups)).toHaveLength(1);

    const made = [];
    for (let i = 0; i < 5; i += 1) {
      await service.people.create({ displayName: `Persona ${i}`, type: 'teacher' });
      made.push(await service.backupNow());
    }
    const kept = listBackups(layout.backups);
    expect(kept.map((backup) => backup.id)).toEqual(
      made
        .slice(-3)
        .reverse()
        .map((backup) => backup.id),
    );
    // The newest backup holds all five people, taken while the app was running (WAL open).
    const newest = join(layout.backups, kept[0].id);
    expect(await backupIsSound(newest)).toBe(true);
    const db = await openSqlite(newest, { readOnly: true });
    expect(await db.get('SELECT COUNT(*) AS n FROM people')).toEqual({ n: 5 });
    await db.close();
    await service.close();
  });

  it('ignores half-written files and refuses ids that are not backups', async () => {
    layout = tempLayout();
    const service = await open(layout);
    writeFileSync(join(layout.backups, 'chispa-2099-01-01T00-00-00-000Z.sqlite.partial'), 'half');
    expect(listBackups(layout.backups)).toHaveLength(1);
    expect(readdirSync(layout.backups)).toHaveLength(2);
    expect(backupPath(layout.backups, '../chispa.sqlite')).toBeNull();
    expect(backupPath(layout.backups, 'chispa-2099-01-01T00-00-00-000Z.sqlite.partial')).toBeNull();
    expect(backupPath(layout.backups, listBackups(layout.backups)[0].id)).not.toBeNull();
    await service.close();
  });

  it('refuses to restore a backup made before the admin PIN existed (nobody could authorise it)', async () => {
    layout = tempLayout();
    const service = await open(layout);
    const [startup] = listBackups(layout.backups);
    await expect(service.restoreBackup(startup.id, '1234', 'w1')).rejects.toMatchObject({
      code: 'attendance.backup-no-pin',
      messageKey: 'staff.error.backup-no-pin',
    });
    expect(service.store.state()).toBe('ok');
    await service.close();
  });
});
