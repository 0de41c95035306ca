/** Entry point of browser mode (`npm run start:web`): services + guarded local web server. */
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../app/data-dir';
import { AppError } from '../../common/ipc/app-error';
import { createServices } from '../app/create-services';
import { staffIdleMsFromEnv } from '../app/staff-idle-env';
import { alreadyRunningText } from '../app/instance-lock';
import { createAppDispatcher } from '../ipc/register-handlers';
import { startWebServer } from './web-server';

const rendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

const parsePort = (value: string | undefined): number => {
  if (value === undefined || value === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Chispa: CHISPA_PORT must be a port number (0-65535), not "${value}".`);
    process.exit(2);
  }
  return port;
};

const parseIdleMs = (value: string | undefined): number | undefined => {
  try {
    return staffIdleMsFromEnv(value);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
};

const main = async () => {
  const services = await createServices({ dataDir: resolveDataDir(), mode: 'browser' });
  const server = await startWebServer({
    dispatcher: createAppDispatcher(services),
    events: services.events,
    logger: services.logger,
    rendererDir,
    port: parsePort(process.env.CHISPA_PORT),
    staffIdleMs: parseIdleMs(process.env.CHISPA_STAFF_IDLE_MS),
  });
  console.log(`Chispa: ${server.url}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await services.dispose();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (error instanceof AppError && error.code === 'app.already-running')
    console.error(alreadyRunningText(Number(error.params?.pid ?? 0)));
  else if (code === 'EADDRINUSE')
    console.error(`Chispa: port ${process.env.CHISPA_PORT} is already in use; choose another CHISPA_PORT.`);
  else console.error('Chispa could not start:', error);
  process.exit(1);
});
