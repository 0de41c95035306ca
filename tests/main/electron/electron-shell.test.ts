/**
 * The Electron shell (main/electron/electron-main.ts) run against a stand-in `electron` module:
 * the real services in a temporary data folder, the IPC wiring answering a call from the app's
 * own origin, CHISPA_STAFF_IDLE_MS reaching the staff session, and every download (exports,
 * project saves) opening a save dialog in Documents with the file's name and type.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../common/ipc/contract';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const stand = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const sessionEvents = new Map<string, (...args: unknown[]) => void>();
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  let loaded: () => void = () => undefined;
  const windowLoaded = new Promise<void>((resolve) => (loaded = resolve));
  return {
    handlers,
    sessionEvents,
    ready,
    readyResolve,
    windowLoaded,
    loaded,
    exitCode: null as number | null,
  };
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { send: () => undefined };
    isDestroyed = () => false;
    on = () => this;
    loadURL = async () => stand.loaded();
  }
  return {
    app: {
      whenReady: () => stand.ready,
      on: () => undefined,
      getPath: (name: string) => `/home/pupil/${name === 'documents' ? 'Documentos' : name}`,
      quit: () => undefined,
      exit: (code: number) => {
        stand.exitCode = code; // start() failed: let the test see it instead of waiting
        stand.loaded();
      },
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: Handler) => stand.handlers.set(channel, handler) },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    dialog: { showErrorBox: () => undefined },
    // A stand-in key store: seals reversibly, as the OS key store would.
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: async (text: string) => Buffer.from(`sealed:${text}`),
      decryptStringAsync: async (sealed: Buffer) => ({
        result: sealed.toString().slice(7),
        shouldReEncrypt: false,
      }),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        on: (event: string, listener: (...args: unknown[]) => void) =>
          stand.sessionEvents.set(event, listener),
      },
    },
  };
});

const dataDir = mkdtempSync(join(tmpdir(), 'chispa-electron-shell-'));
const savedEnv = { ...process.env };

beforeAll(async () => {
  process.env.CHISPA_DATA_DIR = dataDir;
  process.env.CHISPA_STAFF_IDLE_MS = '1500';
  await import('../../../main/electron/electron-main');
  stand.readyResolve();
  await stand.windowLoaded;
}, 60_000);

afterAll(() => {
  process.env = savedEnv;
  rmSync(dataDir, { recursive: true, force: true });
});

const fromApp = { senderFrame: { url: 'chispa://app/index.html', parent: null }, sender: { id: 1 } };

describe('the Electron shell with a stand-in electron module', () => {
  it('answers calls from the app and uses CHISPA_STAFF_IDLE_MS for the staff lock', async () => {
    const call = stand.handlers.get(ipcChannels.call);
    expect(call).toBeDefined();
    const status = (await call!(fromApp, 'staff.status', {})) as {
      ok: boolean;
      value: { idleLockMs: number };
    };
    expect(status).toMatchObject({ ok: true, value: { idleLockMs: 1500 } });
    const foreign = { senderFrame: { url: 'https://example.com/', parent: null }, sender: { id: 2 } };
    expect(await call!(foreign, 'staff.status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(stand.exitCode).toBeNull();
  });

  it('opens a save dialog in Documents for every download, with its name and type', () => {
    const options: unknown[] = [];
    for (const fileName of ['asistencia-2026-11.xlsx', 'mi-robot.chispa.json', 'notas.txt']) {
      stand.sessionEvents.get('will-download')?.(
        {},
        { getFilename: () => fileName, setSaveDialogOptions: (value: unknown) => options.push(value) },
      );
    }
    expect(options).toEqual([
      {
        defaultPath: '/home/pupil/Documentos/asistencia-2026-11.xlsx',
        filters: [{ name: '*.xlsx', extensions: ['xlsx'] }],
      },
      {
        defaultPath: '/home/pupil/Documentos/mi-robot.chispa.json',
        filters: [{ name: '*.chispa.json', extensions: ['json'] }],
      },
      { defaultPath: '/home/pupil/Documentos/notas.txt', filters: [] },
    ]);
  });
});
