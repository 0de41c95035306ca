import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../common/ipc/app-error';
import { createServices } from '../../../main/app/create-services';
import { instanceLockName } from '../../../main/app/instance-lock';
import { silentLogger } from '../../../main/app/logger';
import type { AppServices } from '../../../main/app/services';
import { freeAttempts } from '../../../main/attendance/pin-attempts';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import type { Dispatcher } from '../../../main/ipc/dispatcher';
import { createAppDispatcher } from '../../../main/ipc/register-handlers';
import { startWebServer } from '../../../main/web/web-server';

const adminPin = '2468';
const wrongPins = (count: number) =>
  Array.from({ length: count }, (_, index) => String(1000 + index)).filter((pin) => pin !== adminPin);

const codeOf = (result: IpcResult<unknown>) => (result.ok ? 'ok' : result.error.code);
const tally = (results: IpcResult<unknown>[]) =>
  results.reduce<Record<string, number>>((counts, result) => {
    counts[codeOf(result)] = (counts[codeOf(result)] ?? 0) + 1;
    return counts;
  }, {});
const throttleState = (dataDir: string) =>
  JSON.parse(readFileSync(join(dataDir, 'staff-pin-attempts.json'), 'utf8')) as { failures: number };

describe('staff PIN against brute force', () => {
  let dataDir: string;
  let services: AppServices | null;
  let dispatcher: Dispatcher;
  let recoveryCode: string;

  const open = async () => {
    services = await createServices({ dataDir, mode: 'browser', logger: silentLogger });
    dispatcher = createAppDispatcher(services);
  };
  const close = async () => {
    await services?.dispose();
    services = null;
  };
  const call = (name: string, args: unknown, session = createConnectionSession('student-tab')) =>
    dispatcher.dispatch(name, args, { session });

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-pin-'));
    await open();
    const setup = await call('staff.setup', { pin: adminPin });
    if (!setup.ok) throw new Error(JSON.stringify(setup.error));
    recoveryCode = (setup.value as { recoveryCode: string }).recoveryCode;
  });
  afterEach(async () => {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('checks at most the free attempts out of 500 parallel wrong unlocks, and the lockout survives a restart', async () => {
    const results = await Promise.all(wrongPins(500).map((pin) => call('staff.unlock', { pin })));
    expect(results).toHaveLength(500);
    expect(tally(results)).toEqual({
      'staff.pin-wrong': freeAttempts - 1,
      'staff.pin-locked-out': 500 - (freeAttempts - 1),
    });
    // Counted before checked: the stored count is exactly the number of PINs that were checked.
    expect(throttleState(dataDir).failures).toBe(freeAttempts);

    await close();
    await open();
    const status = await call('staff.status', {});
    expect(status.ok && (status.value as { lockedOutSeconds: number }).lockedOutSeconds).toBeGreaterThan(0);
    expect(codeOf(await call('staff.unlock', { pin: adminPin }))).toBe('staff.pin-locked-out');
  });

  it('lets staff back in with the recovery code after someone else locked the PIN, once per code', async () => {
    await Promise.all(wrongPins(20).map((pin) => call('staff.unlock', { pin })));
    expect(codeOf(await call('staff.unlock', { pin: adminPin }))).toBe('staff.pin-locked-out');

    const staffTab = createConnectionSession('staff-tab');
    expect(codeOf(await call('staff.recover', { code: 'AAAA-BBBB-CCCC-DDDD' }, staffTab))).toBe(
      'staff.recovery-code-wrong',
    );
    const recovered = await call('staff.recover', { code: recoveryCode.toLowerCase() }, staffTab);
    expect(recovered).toMatchObject({ ok: true, value: { role: 'admin' } });
    const next = (recovered as { value: { recoveryCode: string } }).value.recoveryCode;
    expect(next).not.toBe(recoveryCode);
    expect(staffTab.staffRole()).toBe('admin');
    // The lockout is cleared, and the used code no longer works.
    expect(await call('staff.unlock', { pin: adminPin })).toMatchObject({ ok: true });
    expect(codeOf(await call('staff.recover', { code: recoveryCode }))).toBe('staff.recovery-code-wrong');
    expect(await call('staff.recover', { code: next })).toMatchObject({ ok: true });
  });

  it('opens the staff area once for one recovery code used from 20 tabs at the same moment', async () => {
    const tabs = Array.from({ length: 20 }, (_, index) => createConnectionSession(`tab-${index}`));
    const results = await Promise.all(tabs.map((tab) => call('staff.recover', { code: recoveryCode }, tab)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(tabs.filter((tab) => tab.staffRole() === 'admin')).toHaveLength(1);
    // The new code the one tab was shown is the one that works next.
    const next = (results.find((result) => result.ok) as { value: { recoveryCode: string } }).value
      .recoveryCode;
    expect(await call('staff.recover', { code: next })).toMatchObject({ ok: true });
  });

  it('holds over the browser-mode WebSocket too (500 guesses in one burst)', async () => {
    const rendererDir = join(dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Chispa</title>');
    const server = await startWebServer({
      dispatcher,
      events: services!.events,
      logger: silentLogger,
      rendererDir,
    });
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/bridge?token=${server.token}`, {
        headers: { origin: `http://127.0.0.1:${server.port}` },
      });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const pins = wrongPins(500);
      const answers = new Promise<IpcResult<unknown>[]>((resolve) => {
        const results: IpcResult<unknown>[] = [];
        ws.on('message', (data) => {
          const message = JSON.parse(data.toString());
          if (message.kind !== 'result') return;
          results.push(message.result);
          if (results.length === pins.length) resolve(results);
        });
      });
      pins.forEach((pin, id) =>
        ws.send(JSON.stringify({ kind: 'call', id, name: 'staff.unlock', args: { pin } })),
      );
      const counts = tally(await answers);
      expect(counts['staff.pin-wrong']).toBe(freeAttempts - 1);
      expect(throttleState(dataDir).failures).toBe(freeAttempts);
      ws.close();
    } finally {
      await server.close();
    }
  });

  it('refuses a second instance on the same data folder, and takes over a lock left by a dead process', async () => {
    await expect(createServices({ dataDir, mode: 'browser', logger: silentLogger })).rejects.toMatchObject({
      code: 'app.already-running',
      messageKey: 'app.error.already-running',
    });
    await close();
    expect(existsSync(join(dataDir, instanceLockName))).toBe(false);
    // A crash leaves the lock behind, owned by a process that no longer runs.
    writeFileSync(join(dataDir, instanceLockName), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    await open();
    expect(JSON.parse(readFileSync(join(dataDir, instanceLockName), 'utf8')).pid).toBe(process.pid);
  });
});
