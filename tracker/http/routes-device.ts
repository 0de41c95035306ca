import type { FastifyInstance } from 'fastify';
import {
  enrolRequestSchema,
  idempotencyKeySchema,
  maxBatchItems,
  syncPaths,
  syncRequestSchema,
} from '../../common/sync/sync-protocol';
import { authenticateDevice } from '../auth/device-auth';
import { enrolDevice } from '../enrolment/enrol-device';
import { syncBatch } from '../sync/sync-batch';
import { replyError } from './reply-error';
import type { TrackerContext } from './tracker-context';

const now = () => new Date().toISOString();

/** What devices call: health probe, enrolment, "am I enrolled?", and the sync itself. */
export const registerDeviceRoutes = (app: FastifyInstance, { db, retention }: TrackerContext) => {
  app.get(syncPaths.health, async () => ({ ok: true, serverTime: now() }));

  app.post(syncPaths.enrol, async (request, reply) => {
    const body = enrolRequestSchema.safeParse(request.body);
    if (!body.success) return replyError(reply, 'invalid-request');
    const outcome = await enrolDevice(db, body.data.code, request.ip);
    if (!outcome.ok) return replyError(reply, outcome.code, outcome.retryAfter);
    return reply.code(201).send({ ...outcome.response, serverTime: now() });
  });

  app.get(syncPaths.device, async (request, reply) => {
    const auth = await authenticateDevice(db, request.headers.authorization);
    if (!auth.ok) return replyError(reply, auth.code);
    const { id, centreId, centreCode, country } = auth.device;
    return { deviceId: id, centre: { id: centreId, code: centreCode, country }, serverTime: now() };
  });

  app.post(syncPaths.sync, async (request, reply) => {
    const auth = await authenticateDevice(db, request.headers.authorization);
    if (!auth.ok) return replyError(reply, auth.code);
    const key = idempotencyKeySchema.safeParse(request.headers['idempotency-key']);
    if (!key.success) return replyError(reply, 'invalid-request');
    const body = syncRequestSchema.safeParse(request.body);
    if (!body.success) {
      const items = (request.body as { items?: unknown } | null)?.items;
      const tooMany = Array.isArray(items) && items.length > maxBatchItems;
      return replyError(reply, tooMany ? 'batch-too-large' : 'invalid-request');
    }
    const outcome = await syncBatch(db, auth.device, key.data, body.data.items, {
      retention: retention ?? null,
    });
    if (outcome.kind === 'key-reused') return replyError(reply, 'idempotency-key-reused');
    return { serverTime: now(), results: outcome.results };
  });
};
