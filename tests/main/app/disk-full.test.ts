import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../common/i18n/messages';
import type { IpcResult } from '../../../common/ipc/app-error';
import { makeProjectFile } from '../../../common/projects/project-file';
import { isPartialFileName } from '../../../main/app/atomic-write';
import { createServices } from '../../../main/app/create-services';
import { silentLogger } from '../../../main/app/logger';
import type { AppServices } from '../../../main/app/services';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import type { Dispatcher } from '../../../main/ipc/dispatcher';
import { createAppDispatcher } from '../../../main/ipc/register-handlers';

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.log('disk-full tests skipped: mounting a small tmpfs needs root (CI runs as root)');

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });

/** Fills the file system with one file until it refuses (ENOSPC); returns the filler's path. */
const fillDisk = (dir: string): string => {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 7);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
  try {
    for (;;) writeSync(fd, block, 0, 512);
  } catch {
    // the last few pages are gone too
  } finally {
    closeSync(fd);
  }
  return filler;
};

const project = (name: string) =>
  makeProjectFile(name, { blocks: { languageVersion: 0, blocks: [{ type: 'kit_start', id: 'a1' }] } });

describe.skipIf(!isRoot)('a full disk (small tmpfs mounted by the test)', () => {
  let root: string;
  let dataDir: string;
  let services: AppServices;
  let dispatcher: Dispatcher;
  const session = createConnectionSession('admin-tab');
  const call = (name: string, args: unknown) => dispatcher.dispatch(name, args, { session });
  const value = <T>(result: IpcResult<unknown>): T => {
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  const expectDiskFull = (result: IpcResult<unknown>) => {
    expect(result.ok ? 'ok' : result.error.code).toBe('storage.disk-full');
    if (result.ok) return;
    expect(messages.es[result.error.messageKey]).toMatch(/^Disco lleno/);
    expect(messages.en[result.error.messageKey]).toMatch(/^Disk full/);
  };
  let sessionId: string;
  let people: string[];
  let filler: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'chispa-diskfull-'));
    dataDir = join(root, 'data');
    execFileSync('mkdir', ['-p', dataDir]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', dataDir]);
    services = await createServices({ dataDir, mode: 'browser', logger: silentLogger });
    dispatcher = createAppDispatcher(services);
    value(await call('staff.setup', { pin: '2468' }));
    sessionId = value<{ id: string }>(
      await call('sessions.create', {
        date: '2026-11-20',
        startTime: '15:00',
        activityType: 'robotics-class',
        facilitator: 'Prof. Ruiz',
      }),
    ).id;
    people = [];
    for (const name of ['Ana', 'Luis', 'Sofía']) {
      people.push(
        value<{ id: string }>(await call('people.create', { displayName: name, type: 'teacher' })).id,
      );
    }
    value(await call('checkin.mark', { sessionId, personId: people[0] }));
    value(await call('projects.saveAutosave', { project: project('bueno') }));
    value(await call('settings.setLanguage', { language: 'en' }));
    value(await call('storage.backupNow', {}));
    // An empty WAL: the next write needs new space on the disk.
    await services.attendance.store.db().exclusive((db) => db.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
    filler = fillDisk(dataDir);
  });
  afterAll(async () => {
    await services?.dispose();
    execFileSync('umount', [dataDir]);
    rmSync(root, { recursive: true, force: true });
  });

  it('says "disco lleno" for a check-in, never that it was saved, and the app stays up', async () => {
    expectDiskFull(await call('checkin.mark', { sessionId, personId: people[1] }));
    expect(value(await call('app.ping', { text: 'sigo' }))).toMatchObject({ echo: 'sigo' });
  });

  it('keeps the good autosave when the new one does not fit', async () => {
    const big = project('x'.repeat(60));
    big.workspace = {
      blocks: { languageVersion: 0, blocks: [{ type: 'kit_start', id: 'b'.repeat(200_000) }] },
    };
    expectDiskFull(await call('projects.saveAutosave', { project: big }));
    expect(services.projects.loadAutosave().project?.name).toBe('bueno');
  });

  it('"Nuevo" refuses with "disco lleno" and the open project stays open and listed', async () => {
    expectDiskFull(await call('projects.startNew', {}));
    expect(services.projects.loadAutosave().project?.name).toBe('bueno');
    const listed = value<{ projects: { name: string }[] }>(await call('projects.listRecent', {}));
    expect(listed.projects.map((project) => project.name)).toEqual(['bueno']);
  });

  it('does not report a language it could not save', async () => {
    expectDiskFull(await call('settings.setLanguage', { language: 'es' }));
    expect(services.settings.get().language).toBe('en');
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).language).toBe('en');
  });

  it('answers backup, CSV and XLSX export with "disco lleno" and leaves no partial file', async () => {
    const backupsBefore = readdirSync(join(dataDir, 'backups'));
    expectDiskFull(await call('storage.backupNow', {}));
    expect(readdirSync(join(dataDir, 'backups'))).toEqual(backupsBefore);
    for (const format of ['csv', 'xlsx']) {
      expectDiskFull(await call('exports.attendance', { format, from: '2026-11-01', to: '2026-11-30' }));
    }
    expect(walk(dataDir).filter((file) => isPartialFileName(file))).toEqual([]);
  });

  it('works again once space returns, with nothing partial left and the previous data intact', async () => {
    rmSync(filler);
    expect(value(await call('checkin.mark', { sessionId, personId: people[1] }))).toMatchObject({
      present: true,
    });
    value(await call('projects.saveAutosave', { project: project('después') }));
    value(await call('settings.setLanguage', { language: 'es' }));
    value(await call('storage.backupNow', {}));
    for (const format of ['csv', 'xlsx']) {
      const result = value<{ rowCount: number }>(
        await call('exports.attendance', { format, from: '2026-11-01', to: '2026-11-30' }),
      );
      expect(result.rowCount).toBe(2);
    }
    expect(walk(dataDir).filter((file) => isPartialFileName(file))).toEqual([]);
  });

  it('recreates deleted folders (projects, exports, backups) instead of failing until restart', async () => {
    for (const folder of ['projects', 'exports', 'backups'])
      rmSync(join(dataDir, folder), { recursive: true });
    value(await call('projects.saveAutosave', { project: project('otra vez') }));
    value(await call('exports.attendance', { format: 'csv', from: '2026-11-01', to: '2026-11-30' }));
    value(await call('storage.backupNow', {}));
    for (const folder of ['projects', 'exports', 'backups'])
      expect(existsSync(join(dataDir, folder))).toBe(true);
  });

  it('creates its files private to the user (0600) and its folders 0700', () => {
    for (const file of walk(dataDir)) expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
    for (const folder of ['projects', 'exports', 'backups', 'logs']) {
      expect((statSync(join(dataDir, folder)).mode & 0o777).toString(8), folder).toBe('700');
    }
  });
});
