/**
 * The serial calls through the real composition root and dispatcher (as the renderer reaches
 * them), with the serial transport registered on the board service.
 */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/app/create-services';
import { silentLogger } from '../../../main/app/logger';
import type { AppServices } from '../../../main/app/services';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import type { Dispatcher } from '../../../main/ipc/dispatcher';
import { createAppDispatcher } from '../../../main/ipc/register-handlers';
import { translate } from '../../../common/i18n/translate';
import {
  createPtyPair,
  openPtyDevice,
  ptyLinkRoot,
  socatMissingReason,
  type PtyPair,
} from '../../helpers/pty-bridge';

const skipReason = socatMissingReason();
if (skipReason) console.log(`[skip] ${skipReason}`);

describe('serial IPC calls', () => {
  let dataDir: string;
  let services: AppServices;
  let dispatcher: Dispatcher;
  let pty: PtyPair | null = null;
  const ctx = () => ({ session: createConnectionSession('test') });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-serial-ipc-'));
    // As an app started with CHISPA_SERIAL_DEVICE_DIRS: the test's pty links may be typed.
    process.env.CHISPA_SERIAL_DEVICE_DIRS = ptyLinkRoot;
    services = await createServices({ dataDir, mode: 'browser', logger: silentLogger });
    dispatcher = createAppDispatcher(services);
  });
  afterAll(async () => {
    delete process.env.CHISPA_SERIAL_DEVICE_DIRS;
    await services.dispose();
    await pty?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists ports without failing', async () => {
    const result = await dispatcher.dispatch('serial.listPorts', {}, ctx());
    expect(result.ok).toBe(true);
    if (result.ok) expect(Array.isArray((result.value as { ports: unknown[] }).ports)).toBe(true);
  });

  it('serves the troubleshooting guide in Spanish and English', async () => {
    for (const locale of ['es', 'en'] as const) {
      const result = await dispatcher.dispatch('serial.guide', { locale }, ctx());
      expect(result.ok).toBe(true);
      if (result.ok)
        expect((result.value as { markdown: string }).markdown).toContain('<a id="linux-brltty"></a>');
    }
  });

  it('diagnoses with no port chosen', async () => {
    const result = await dispatcher.dispatch('serial.diagnose', { path: null }, ctx());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = (result.value as { findings: { id: string }[] }).findings.map((finding) => finding.id);
    expect(ids).toEqual(
      expect.arrayContaining(['port-list', 'boards-listed', 'port-open', 'dialout', 'brltty']),
    );
  });

  it('refuses to prepare a port that is not there, with a sentence in both languages', async () => {
    const result = await dispatcher.dispatch(
      'serial.prepareBoard',
      { path: '/dev/ttyUSB-chispa-missing' },
      ctx(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('serial.port-not-found');
    const params = result.error.params ?? {};
    expect(translate('es', result.error.messageKey, params)).toContain('/dev/ttyUSB-chispa-missing');
    expect(translate('en', result.error.messageKey, params)).toMatch(/is not there/);
  });

  it('gives the same answer for a typed path that is not a serial device and for one that is not there', async () => {
    const answers = [];
    for (const path of [
      '/etc/passwd',
      '../../../../etc/passwd',
      '/dev/ttyUSB0/../../etc/passwd',
      dataDir,
      `${ptyLinkRoot}/../../etc/passwd`,
      '/dev/ttyUSB-chispa-missing',
      'COM250',
    ]) {
      const result = await dispatcher.dispatch('serial.addManualPort', { path }, ctx());
      expect(result, path).toMatchObject({
        ok: false,
        error: {
          code: 'serial.port-not-found',
          messageKey: 'connect.manual.error.not-found',
          params: { path },
        },
      });
      const diagnosed = await dispatcher.dispatch('serial.diagnose', { path }, ctx());
      answers.push(diagnosed.ok ? 'findings' : diagnosed.error.code);
      if (!result.ok) {
        expect(translate('es', result.error.messageKey, result.error.params ?? {})).toContain(path);
        expect(translate('en', result.error.messageKey, result.error.params ?? {})).toMatch(/cannot find/);
      }
    }
    // Diagnosis never probes a path that is not a serial device name either.
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('serial.port-not-found'));
  });

  it('answers board.connect and serial.prepareBoard alike for any file, missing or not, and a missing port', async () => {
    const hidden = join(dataDir, 'secret.txt');
    writeFileSync(hidden, 'names\n');
    const paths = [
      '/etc/passwd', // exists, a plain file
      '../../../../etc/passwd',
      hidden,
      dataDir, // a folder
      '/dev/null', // a device, not a serial one
      `${ptyLinkRoot}/../../etc/passwd`,
      '/etc/chispa-missing-file', // missing, anywhere
      '/dev/ttyUSB-chispa-missing', // missing, named like a serial device
    ];
    const answers = new Set<string>();
    for (const path of paths) {
      for (const [call, args] of [
        ['board.connect', { target: { kind: 'serial', path } }],
        ['serial.prepareBoard', { path }],
      ] as const) {
        const result = await dispatcher.dispatch(call, args, ctx());
        // The path comes back as typed; everything else must be the same for every path.
        answers.add(
          `${call} ${JSON.stringify(result).split(JSON.stringify(path).slice(1, -1)).join('<path>')}`,
        );
      }
    }
    expect([...answers].sort()).toEqual([
      'board.connect {"ok":true,"value":{"state":"error","target":{"kind":"serial","path":"<path>"},"firmware":null,"messageKey":"error.serial.port-not-found","canPrepare":false}}',
      'serial.prepareBoard {"ok":false,"error":{"code":"serial.port-not-found","messageKey":"error.serial.port-not-found","params":{"path":"<path>"}}}',
    ]);
  });

  it.skipIf(skipReason !== null)(
    'never opens a terminal (/dev/pts/N): refused as a missing port, and nothing reaches it',
    async () => {
      // A pty's other end stands for whoever types in that terminal.
      const terminal = await createPtyPair();
      const far = await openPtyDevice(terminal.devicePath);
      const received: number[] = [];
      far.onData((bytes) => received.push(...bytes));
      try {
        const path = realpathSync(terminal.appPath);
        expect(path).toMatch(/^\/dev\/pts\/\d+$/);
        const missing = '/dev/ttyUSB-chispa-missing';
        for (const [call, argsFor] of [
          ['board.connect', (p: string) => ({ target: { kind: 'serial', path: p } })],
          ['serial.prepareBoard', (p: string) => ({ path: p })],
          ['serial.addManualPort', (p: string) => ({ path: p })],
          ['serial.diagnose', (p: string) => ({ path: p })],
        ] as const) {
          const answer = async (p: string) =>
            JSON.stringify(await dispatcher.dispatch(call, argsFor(p), ctx()))
              .split(p)
              .join('<path>');
          const refused = await answer(path);
          expect(refused, call).toContain('serial.port-not-found');
          if (call !== 'serial.diagnose') expect(refused, call).toBe(await answer(missing));
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(received).toEqual([]);
      } finally {
        await far.close();
        await terminal.dispose();
      }
    },
  );

  it.skipIf(skipReason !== null)(
    'connects a typed pty path through board.connect and offers Prepare',
    async () => {
      pty = await createPtyPair();
      const added = await dispatcher.dispatch('serial.addManualPort', { path: pty.appPath }, ctx());
      expect(added.ok).toBe(true);
      if (added.ok) {
        const ports = (added.value as { ports: { path: string; manual: boolean }[] }).ports;
        expect(ports.find((port) => port.path === pty!.appPath)?.manual).toBe(true);
      }
      const result = await dispatcher.dispatch(
        'board.connect',
        { target: { kind: 'serial', path: pty.appPath } },
        ctx(),
      );
      expect(result).toMatchObject({ ok: true, value: { state: 'no-firmware', canPrepare: true } });
    },
  );
});
