import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import { checkIntegrity } from '../../../main/db/app-database';
import { openSqlite } from '../../../main/db/sqlite';
import { admin, openService, removeLayout, tempLayout } from './helpers';

const fixture = fileURLToPath(new URL('./fixtures/checkin-burst.ts', import.meta.url));
const burstSize = 1500;
const killAfterAcks = 300;

describe('durability: SIGKILL during a burst of check-ins', () => {
  let layout: DataLayout;
  afterEach(() => removeLayout(layout));

  it('finds every acknowledged check-in after the process is killed and the database reopened', async () => {
    layout = tempLayout();
    const service = await openService(layout);
    const session = await service.checkIn.createSession({
      date: '2026-11-20',
      startTime: '15:00',
      activityType: 'coding-class',
      lessons: [],
      facilitator: 'Prof',
    });
    await service.roster.importRoster(
      [
        'nombre,tipo,año nacimiento',
        ...Array.from({ length: burstSize }, (_, i) => `Persona ${i},docente,1990`),
      ].join('\n'),
      false,
      admin,
    );
    await service.close();
    const db = await openSqlite(layout.database);
    const all = await db.all<{ id: string }>('SELECT id FROM people ORDER BY rowid');
    await db.close();
    expect(all.length).toBe(burstSize);
    const idsFile = join(layout.root, 'ids.json');
    writeFileSync(idsFile, JSON.stringify(all.map((row) => row.id)));

    const child = spawn(process.execPath, ['--import', 'tsx', fixture, layout.root, session.id, idsFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let stderr = '';
    let sawDone = false;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ack ')) acked.push(line.slice(4));
        if (line === 'done') sawDone = true;
      }
      if (acked.length >= killAfterAcks && !child.killed) child.kill('SIGKILL');
    });
    const signal = await exited;
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    expect(sawDone).toBe(false);
    expect(acked.length).toBeGreaterThanOrEqual(killAfterAcks);
    expect(acked.length).toBeLessThan(burstSize);

    // Reopen the way the app does: integrity check first, then every acknowledged row must be there.
    const reopened = await openSqlite(layout.database);
    expect(await checkIntegrity(reopened)).toEqual({ ok: true });
    const present = new Set(
      (
        await reopened.all<{ id: string }>(
          `SELECT a.id FROM attendance a JOIN attendance_events e ON e.attendance_id = a.id AND e.kind = 'check-in'`,
        )
      ).map((row) => row.id),
    );
    await reopened.close();
    const missing = acked.filter((id) => !present.has(id));
    expect(missing).toEqual([]);
    console.log(
      `durability: ${acked.length} acknowledged before SIGKILL, ${present.size} committed rows found`,
    );

    const after = await openService(layout);
    expect(after.store.state()).toBe('ok');
    expect((await after.checkIn.getSession(session.id)).presentCount).toBe(present.size);
    await after.close();
  });
});
