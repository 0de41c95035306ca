/**
 * Thin Electron shell: window, private scheme, security settings and IPC wiring. Everything it
 * calls (services, dispatcher, security headers) is plain Node code tested without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { resolveDataDir } from '../app/data-dir';
import { AppError } from '../../common/ipc/app-error';
import { ipcChannels } from '../../common/ipc/contract';
import { createServices } from '../app/create-services';
import { staffIdleMsFromEnv } from '../app/staff-idle-env';
import { alreadyRunningText } from '../app/instance-lock';
import { createConnectionSession } from '../ipc/connection-session';
import { createAppDispatcher } from '../ipc/register-handlers';
import { appOrigin, appScheme, isTrustedSender } from '../ipc/sender-check';
import { readStaticFile } from '../web/static-files';
import { createSafeStorageSealer } from './safe-storage-sealer';
import { securityHeadersFor } from '../web/security-headers';
import { saveDownloadsWithDialog } from './save-dialog';

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererDir = join(__dirname, '..', 'renderer');

const start = async () => {
  if (!process.env.CHISPA_DATA_DIR)
    process.env.CHISPA_DATA_DIR = resolveDataDir(process.env, process.platform);
  const staffIdleMs = staffIdleMsFromEnv(process.env.CHISPA_STAFF_IDLE_MS);
  const services = await createServices({
    dataDir: resolveDataDir(),
    mode: 'electron',
    secretSealer: await createSafeStorageSealer(),
  });
  const dispatcher = createAppDispatcher(services);

  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { ...securityHeadersFor(file.path), 'Content-Type': file.contentType },
    });
  });

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  saveDownloadsWithDialog(session.defaultSession, app.getPath('documents'));

  const sessions = new Map<number, ReturnType<typeof createConnectionSession>>();
  ipcMain.handle(ipcChannels.call, async (event, name: unknown, args: unknown) => {
    if (
      !isTrustedSender(
        event.senderFrame
          ? { url: event.senderFrame.url, isMainFrame: event.senderFrame.parent === null }
          : null,
      )
    ) {
      return { ok: false, error: { code: 'forbidden', messageKey: 'error.forbidden' } };
    }
    let connection = sessions.get(event.sender.id);
    if (!connection) {
      connection = createConnectionSession(randomUUID(), { idleMs: staffIdleMs });
      sessions.set(event.sender.id, connection);
    }
    return dispatcher.dispatch(name, args, { session: connection });
  });

  const window = new BrowserWindow({
    width: 1366,
    height: 800,
    title: 'Chispa',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const unsubscribe = services.events.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, name, payload);
  });
  window.on('closed', () => unsubscribe());
  await window.loadURL(`${appOrigin}/index.html`);

  app.on('window-all-closed', async () => {
    await services.dispose();
    app.quit();
  });
};

// Navigation and new windows are blocked for every web contents, whatever loads in it.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'app.already-running') {
      dialog.showErrorBox('Chispa', alreadyRunningText(Number(error.params?.pid ?? 0)));
    } else console.error('Chispa could not start', error);
    app.exit(1);
  });
