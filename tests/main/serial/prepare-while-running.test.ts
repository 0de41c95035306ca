/**
 * Port ownership through the dispatcher: once the runner marks a run ('board.setRunning'), Prepare
 * board on that serial port is refused with a clear sentence and the board stays connected; after
 * the run it is no longer marked. Real pty (socat), real serialport binding, the virtual Uno
 * running the kit firmware on the far end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../common/i18n/translate';
import type { BoardStatus } from '../../../common/ipc/contract-board';
import { createServices } from '../../../main/app/create-services';
import { silentLogger } from '../../../main/app/logger';
import type { AppServices } from '../../../main/app/services';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import type { Dispatcher } from '../../../main/ipc/dispatcher';
import { createAppDispatcher } from '../../../main/ipc/register-handlers';
import { startVirtualUno, type VirtualUno } from '../../../main/virtual-uno/virtual-uno';
import {
  bridgePtyToUart,
  createPtyPair,
  ptyLinkRoot,
  socatMissingReason,
  type PtyPair,
} from '../../helpers/pty-bridge';
import { uartOf } from '../../helpers/serial-rig';
import { readKitFirmwareHex } from '../../helpers/uno-hex-files';

const skipReason = socatMissingReason();
if (skipReason) console.log(`[skip] ${skipReason}`);

describe.skipIf(skipReason !== null)('Prepare board while a program runs', () => {
  let dataDir: string;
  let services: AppServices;
  let dispatcher: Dispatcher;
  let pty: PtyPair;
  let uno: VirtualUno;
  let unbridge: () => Promise<void>;
  const ctx = () => ({ session: createConnectionSession('test') });
  const status = async (): Promise<BoardStatus> => {
    const result = await dispatcher.dispatch('board.status', {}, ctx());
    if (!result.ok) throw new Error(result.error.code);
    return result.value as BoardStatus;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-prepare-running-'));
    // As an app started with CHISPA_SERIAL_DEVICE_DIRS: the test's pty links may be opened.
    process.env.CHISPA_SERIAL_DEVICE_DIRS = ptyLinkRoot;
    services = await createServices({ dataDir, mode: 'browser', logger: silentLogger });
    dispatcher = createAppDispatcher(services);
    pty = await createPtyPair();
    uno = await startVirtualUno({ flashHex: readKitFirmwareHex() });
    unbridge = await bridgePtyToUart(pty.devicePath, uartOf(uno));
  });
  afterAll(async () => {
    delete process.env.CHISPA_SERIAL_DEVICE_DIRS;
    await services?.dispose();
    await unbridge?.().catch(() => undefined);
    await uno?.stop();
    await pty?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses while running, keeps the board, and frees the port when the run ends', async () => {
    const connected = await dispatcher.dispatch(
      'board.connect',
      { target: { kind: 'serial', path: pty.appPath } },
      ctx(),
    );
    expect(connected.ok).toBe(true);
    const deadline = Date.now() + 10_000;
    while ((await status()).state !== 'ready') {
      if (Date.now() > deadline) throw new Error(`board not ready: ${(await status()).state}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(services.serial.ownership.ownerOf(pty.appPath)).toBe('connected');

    expect(await dispatcher.dispatch('board.setRunning', { running: true }, ctx())).toEqual({
      ok: true,
      value: {},
    });
    expect(services.serial.ownership.ownerOf(pty.appPath)).toBe('running');

    const refused = await dispatcher.dispatch('serial.prepareBoard', { path: pty.appPath }, ctx());
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('serial.port-owned');
    expect(refused.error.messageKey).toBe('error.serial.port-owned.running');
    const params = refused.error.params ?? {};
    expect(translate('es', refused.error.messageKey, params)).toContain('Detén el programa');
    expect(translate('en', refused.error.messageKey, params)).toContain(pty.appPath);
    // The program's board was not touched: still connected and ready.
    expect((await status()).state).toBe('ready');
    expect(services.serial.ownership.ownerOf(pty.appPath)).toBe('running');

    await dispatcher.dispatch('board.setRunning', { running: false }, ctx());
    expect(services.serial.ownership.ownerOf(pty.appPath)).toBe('connected');
  });

  it('ignores a run mark on the virtual board', async () => {
    await dispatcher.dispatch('board.disconnect', {}, ctx());
    expect(await dispatcher.dispatch('board.setRunning', { running: true }, ctx())).toEqual({
      ok: true,
      value: {},
    });
    expect(services.serial.ownership.ownerOf(pty.appPath)).toBeNull();
  });
});
