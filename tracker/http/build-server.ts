import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { maxBatchBytes } from '../../common/sync/sync-protocol';
import { replyError } from './reply-error';
import { registerAdminRoutes } from './routes-admin';
import { registerDashboardRoutes } from './routes-dashboard';
import { registerDeviceRoutes } from './routes-device';
import type { TrackerContext } from './tracker-context';

export interface ServerOptions {
  trustProxy?: boolean;
  https?: { key: Buffer; cert: Buffer };
}

export interface TrackerServer {
  app: FastifyInstance;
  /** Every route, for the test that checks no endpoint serves a name or a person-level row. */
  routes: { method: string; url: string }[];
}

/** The tracker's HTTP server: device, admin and dashboard routes over one database. */
export const buildServer = async (
  context: TrackerContext,
  options: ServerOptions = {},
): Promise<TrackerServer> => {
  const app = Fastify({
    bodyLimit: maxBatchBytes,
    logger: { level: process.env.CHISPA_TRACKER_LOG_LEVEL ?? 'warn' },
    trustProxy: options.trustProxy ?? false,
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance;
  const routes: TrackerServer['routes'] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  await app.register(cookie);
  // gzip'd request bodies (Content-Encoding: gzip) are inflated before parsing, within bodyLimit.
  await app.register(compress, { global: true, encodings: ['gzip'], requestEncodings: ['gzip'] });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return replyError(reply, 'batch-too-large');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return replyError(reply, 'invalid-request');
    app.log.error(error);
    return replyError(reply, 'server-error');
  });
  app.setNotFoundHandler((_request, reply) => replyError(reply, 'not-found'));
  registerDeviceRoutes(app, context);
  registerAdminRoutes(app, context);
  registerDashboardRoutes(app, context);
  await app.ready();
  return { app, routes };
};
