import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/app/create-services';
import { silentLogger } from '../../../main/app/logger';
import type { AppServices } from '../../../main/app/services';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import type { Dispatcher } from '../../../main/ipc/dispatcher';
import { createAppDispatcher } from '../../../main/ipc/register-handlers';

/** Instructor notes travel only to a staff connection; the student's lesson never carries them. */
describe('lessons.staffNotes over IPC', () => {
  let dataDir: string;
  let services: AppServices;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-staff-notes-'));
    services = await createServices({ dataDir, mode: 'browser', logger: silentLogger });
    dispatcher = createAppDispatcher(services);
  });
  afterAll(async () => {
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a student connection with staff-locked, and the opened lesson has no notes', async () => {
    const student = { session: createConnectionSession('student') };
    const refused = await dispatcher.dispatch(
      'lessons.staffNotes',
      { id: 'safety-kindness', step: 0 },
      student,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'staff-locked', messageKey: 'error.staff-locked' },
    });
    expect(JSON.stringify(refused)).not.toContain('45 minutes');
    const opened = await dispatcher.dispatch('lessons.open', { id: 'safety-kindness' }, student);
    expect(opened.ok).toBe(true);
    expect(JSON.stringify(opened)).not.toContain('Total time: 45 minutes');
  });

  it("gives an instructor the step's notes in both languages", async () => {
    const session = createConnectionSession('instructor');
    session.unlockStaff('instructor');
    const result = await dispatcher.dispatch(
      'lessons.staffNotes',
      { id: 'safety-kindness', step: 0 },
      { session },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { notes } = result.value as { notes: { es: string | null; en: string | null } };
    expect(notes.en).toMatch(/^Total time: 45 minutes\./);
    expect(notes.es).toMatch(/45 minutos/);
  });

  it('answers a step without notes with null, and bad input with typed errors', async () => {
    const session = createConnectionSession('admin');
    session.unlockStaff('admin');
    const ctx = { session };
    const plain = await dispatcher.dispatch('lessons.staffNotes', { id: 'safety-kindness', step: 2 }, ctx);
    expect(plain).toMatchObject({ ok: true, value: { notes: { es: null, en: null } } });
    const cases: Array<[unknown, string]> = [
      [{ id: 'no-such-lesson', step: 0 }, 'not-found'],
      [{ id: 'safety-kindness', step: 99 }, 'bad-request'],
      [{ id: 'safety-kindness', step: -1 }, 'bad-request'],
      [{ id: '../etc', step: 0 }, 'bad-request'],
      [{ id: 'safety-kindness', step: 0, extra: true }, 'bad-request'],
    ];
    for (const [args, code] of cases) {
      const result = await dispatcher.dispatch('lessons.staffNotes', args, ctx);
      expect(result, JSON.stringify(args)).toMatchObject({ ok: false, error: { code } });
    }
  });
});
