import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { messageFiles } from '../../common/i18n/messages';
import { apiPrefix } from '../../common/sync/sync-protocol';
import { sameSecret } from '../auth/secrets';
import {
  signInStaff,
  signOutStaff,
  staffCookie,
  staffFromToken,
  staffSessionHours,
} from '../auth/staff-auth';
import { reachCsv } from '../reach/reach-csv';
import { reachFiltersSchema, withDefaultPeriod } from '../reach/reach-filters';
import { reachReport } from '../reach/reach-report';
import { replyError } from './reply-error';
import type { TrackerContext } from './tracker-context';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
// chart.js exports only its modules; the browser build sits next to its CommonJS entry.
const chartJsFile = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
const assets: Record<string, { file: string; type: string }> = {
  '/': { file: `${publicDir}index.html`, type: 'text/html; charset=utf-8' },
  '/assets/dashboard.js': { file: `${publicDir}dashboard.js`, type: 'text/javascript; charset=utf-8' },
  '/assets/dashboard.css': { file: `${publicDir}dashboard.css`, type: 'text/css; charset=utf-8' },
  '/assets/chart.umd.min.js': { file: chartJsFile, type: 'text/javascript; charset=utf-8' },
};
const loginSchema = z.object({ username: z.string().max(40), password: z.string().max(200) }).strict();

/** The reach dashboard: a page, its assets, staff sign-in, and the (suppressed) reach API and CSV. */
export const registerDashboardRoutes = (app: FastifyInstance, { db, adminToken }: TrackerContext) => {
  for (const [path, asset] of Object.entries(assets)) {
    const body = readFileSync(asset.file);
    app.get(path, async (_request, reply) =>
      reply
        .type(asset.type)
        .header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self'")
        .header('x-content-type-options', 'nosniff')
        .send(body),
    );
  }

  app.get<{ Params: { lang: string } }>('/i18n/:lang', async (request, reply) => {
    const lang = request.params.lang.replace(/\.json$/, '');
    if (lang !== 'es' && lang !== 'en') return replyError(reply, 'not-found');
    return messageFiles[lang].tracker;
  });

  const staffOrAdmin = async (request: FastifyRequest, reply: FastifyReply) => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (bearer && sameSecret(bearer, adminToken)) return;
    if (await staffFromToken(db, request.cookies[staffCookie])) return;
    return replyError(reply, 'unauthenticated');
  };

  app.post(`${apiPrefix}/staff/login`, async (request, reply) => {
    const body = loginSchema.safeParse(request.body);
    if (!body.success) return replyError(reply, 'invalid-request');
    const outcome = await signInStaff(db, body.data.username, body.data.password, request.ip);
    if (!outcome.ok)
      return replyError(reply, outcome.retryAfter ? 'rate-limited' : 'unauthenticated', outcome.retryAfter);
    return reply
      .setCookie(staffCookie, outcome.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: staffSessionHours * 3600,
      })
      .send({ username: body.data.username });
  });

  app.post(`${apiPrefix}/staff/logout`, async (request, reply) => {
    const token = request.cookies[staffCookie];
    if (token) await signOutStaff(db, token);
    return reply.clearCookie(staffCookie, { path: '/' }).send({ ok: true });
  });

  app.get(`${apiPrefix}/staff/me`, async (request) => ({
    signedIn: (await staffFromToken(db, request.cookies[staffCookie])) !== null,
  }));
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  app.get(`${apiPrefix}/reach`, { preHandler: staffOrAdmin }, async (request, reply) => {
    const query = reachFiltersSchema.safeParse(request.query);
    if (!query.success) return replyError(reply, 'invalid-request');
    return reachReport(db, withDefaultPeriod(query.data));
  });

  app.get(`${apiPrefix}/reach.csv`, { preHandler: staffOrAdmin }, async (request, reply) => {
    const query = reachFiltersSchema.safeParse(request.query);
    if (!query.success) return replyError(reply, 'invalid-request');
    const filters = withDefaultPeriod(query.data);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="alcance-${filters.from}-${filters.to}.csv"`)
      .send(reachCsv(await reachReport(db, filters)));
  });
};
