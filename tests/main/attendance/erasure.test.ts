import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import { admin, instructor, openService, removeLayout, tempLayout } from './helpers';

const childName = 'Zoraida Quispe';
const guardianName = 'Eulalia Mamani';
const adminPin = '2468';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
/** Every file of the data folder whose bytes contain the text (UTF-8 or UTF-16). */
const filesContaining = (root: string, text: string): string[] =>
  walk(root).filter((file) => {
    const bytes = readFileSync(file);
    return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
  });

describe('erasure reaches every copy in the data folder', () => {
  let layout: DataLayout;
  let service: AttendanceService;
  let childId: string;

  beforeEach(async () => {
    layout = tempLayout();
    service = await openService(layout);
    await service.staff.setup(createConnectionSession('setup'), adminPin, undefined);
    const year = new Date().getFullYear();
    const child = await service.people.create({
      displayName: childName,
      type: 'learner',
      birthYear: year - 10,
      consent: {
        guardianName,
        relation: 'mother',
        method: 'paper',
        date: `${year}-01-10`,
        scopes: ['attendance'],
      },
    });
    childId = child.id;
    const session = await service.checkIn.createSession({
      date: `${year}-01-12`,
      startTime: '15:00',
      activityType: 'robotics-class',
      lessons: [],
      facilitator: 'Prof. Ruiz',
    });
    await service.checkIn.mark(session.id, child.id, instructor);
    await service.exports.exportAttendance(
      { format: 'csv', from: `${year}-01-01`, to: `${year}-01-31`, named: true, confirmNamed: true },
      admin,
    );
  });
  afterEach(async () => {
    await service.close();
    removeLayout(layout);
  });

  it('leaves the names in no file after erase, nor after restoring an older backup', async () => {
    const older = await service.backupNow();
    expect(filesContaining(layout.root, childName).length).toBeGreaterThan(0);

    await service.people.erase(childId, admin);
    // At once: WAL truncated, backups scrubbed, named exports removed — no clean shutdown needed.
    expect(filesContaining(layout.root, childName)).toEqual([]);
    expect(filesContaining(layout.root, guardianName)).toEqual([]);

    const status = await service.restoreBackup(older.id, adminPin, 'admin-tab');
    expect(status.state).toBe('ok');
    await expect(service.people.get(childId)).rejects.toMatchObject({ code: 'attendance.person-not-found' });
    expect(filesContaining(layout.root, childName)).toEqual([]);
    expect(filesContaining(layout.root, guardianName)).toEqual([]);
  });

  it('re-applies the erasure to a copy of the database put back by hand, at the next start', async () => {
    const older = await service.backupNow();
    const outside = `${layout.root}-copy.sqlite`;
    copyFileSync(join(layout.backups, older.id), outside);
    await service.people.erase(childId, admin);
    await service.close();
    // Someone copies the old database back over the live one while the app is closed.
    copyFileSync(outside, layout.database);
    service = await openService(layout);
    await expect(service.people.get(childId)).rejects.toMatchObject({ code: 'attendance.person-not-found' });
    expect(filesContaining(layout.root, childName)).toEqual([]);
    rmSync(outside);
  });

  it('removes named exports after the retention period the admin sets, and keeps pseudonymous ones', async () => {
    const year = new Date().getFullYear();
    await service.exports.exportAttendance(
      { format: 'csv', from: `${year}-01-01`, to: `${year}-01-31`, named: false },
      admin,
    );
    const names = () => readdirSync(layout.exports).sort();
    const named = names().filter((name) => name.includes('con-nombres'));
    expect(named).toHaveLength(1);
    expect(await service.namedRetention.get()).toEqual({ days: 7 });
    const nineDaysAgo = new Date(Date.now() - 9 * 86_400_000);
    utimesSync(join(layout.exports, named[0]), nineDaysAgo, nineDaysAgo);
    await service.namedRetention.set(10);
    expect(names()).toContain(named[0]);
    await service.namedRetention.set(8);
    expect(names().filter((name) => name.includes('con-nombres'))).toEqual([]);
    expect(names()).toHaveLength(1);
  });
});
