import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { backupFileName } from '../../../main/db/backups';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import { openService, removeLayout, tempLayout } from './helpers';

describe('a lost database while backups exist', () => {
  let layout: DataLayout;
  let service: AttendanceService;
  let anaId: string;

  beforeEach(async () => {
    layout = tempLayout();
    service = await openService(layout);
    await service.staff.setup(createConnectionSession('setup'), '2468', undefined);
    anaId = (await service.people.create({ displayName: 'Ana', type: 'teacher' })).id;
    await service.backupNow();
    await service.close();
  });
  afterEach(async () => {
    await service.close();
    removeLayout(layout);
  });

  for (const how of ['missing', 'emptied'] as const) {
    it(`offers the restore when the file is ${how}, and refuses a new first-run setup`, async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(layout.database + suffix, { force: true });
      if (how === 'emptied') writeFileSync(layout.database, '');
      service = await openService(layout);
      expect(service.storageStatus()).toMatchObject({
        state: 'corrupt',
        messageKey: 'staff.error.db-missing',
      });
      await expect(
        service.staff.setup(createConnectionSession('student'), '1111', undefined),
      ).rejects.toMatchObject({
        code: 'staff.restore-first',
      });
      const backup = service.storageStatus().backups[0];
      const after = await service.restoreBackup(backup.id, '2468', 'admin');
      expect(after.state).toBe('ok');
      expect(await service.people.get(anaId)).toMatchObject({ displayName: 'Ana' });
    });
  }

  it('counts wrong restore PINs on disk: the lockout survives a restart', async () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(layout.database + suffix, { force: true });
    service = await openService(layout);
    const backup = service.storageStatus().backups[0];
    const codes: string[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        await service.restoreBackup(backup.id, `99${i}0`, 'admin').then(
          () => 'ok',
          (error: { code: string }) => error.code,
        ),
      );
    expect(codes).toEqual([
      ...Array(4).fill('staff.pin-wrong'),
      'staff.pin-locked-out',
      'staff.pin-locked-out',
    ]);
    await service.close();
    service = await openService(layout);
    await expect(service.restoreBackup(backup.id, '2468', 'admin')).rejects.toMatchObject({
      code: 'staff.pin-locked-out',
    });
    expect(service.storageStatus().state).toBe('corrupt');
  });

  it('never prunes the last backup of the real data, and backups dated in the future neither spin nor push out the new one', async () => {
    service = await openService(layout);
    const future = Date.now() + 365 * 86_400_000;
    for (let i = 0; i < 20; i++)
      writeFileSync(join(layout.backups, backupFileName(new Date(future + i))), 'x');
    const made = await service.backupNow();
    const kept = readdirSync(layout.backups);
    expect(kept).toContain(made.id);
    expect(kept.filter((name) => name.endsWith('.sqlite'))).toHaveLength(14);
    // Same millisecond twice: the names step on instead of looping.
    writeFileSync(join(layout.backups, backupFileName(new Date(Date.parse(made.createdAt) + 1))), 'x');
    await expect(service.backupNow()).resolves.toMatchObject({ sizeBytes: expect.any(Number) });
  });
});
