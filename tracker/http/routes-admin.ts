import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiPrefix, syncPaths } from '../../common/sync/sync-protocol';
import { createStaffUser } from '../auth/staff-auth';
import { importBundle } from '../bundle/import-bundle';
import { issueEnrolmentCode } from '../enrolment/enrol-device';
import { requireAdmin } from './admin-auth';
import { replyError } from './reply-error';
import type { TrackerContext } from './tracker-context';

const countrySchema = z
  .object({ code: z.string().regex(/^[A-Z]{2}$/), name: z.string().trim().min(1).max(80) })
  .strict();
const centreSchema = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/),
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
    name: z.string().trim().min(1).max(120),
  })
  .strict();
const codeSchema = z
  .object({
    ttlMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30)
      .optional(),
  })
  .strict();
const staffSchema = z.object({ username: z.string(), password: z.string() }).strict();

/** The tracker admin's API (bootstrap admin token): places, enrolment codes, devices, staff, bundles. */
export const registerAdminRoutes = (app: FastifyInstance, { db, adminToken, retention }: TrackerContext) => {
  const admin = `${apiPrefix}/admin`;

  const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!requireAdmin(adminToken, request, reply)) return reply;
  };

  app.post(`${admin}/countries`, { preHandler }, async (request, reply) => {
    const body = countrySchema.safeParse(request.body);
    if (!body.success) return replyError(reply, 'invalid-request');
    await db.query(
      'INSERT INTO country (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name',
      [body.data.code, body.data.name],
    );
    return reply.code(201).send(body.data);
  });

  app.post(`${admin}/centres`, { preHandler }, async (request, reply) => {
    const body = centreSchema.safeParse(request.body);
    if (!body.success) return replyError(reply, 'invalid-request');
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO centre (id, code, country_code, name)
       SELECT $1::uuid, $2, code, $4 FROM country WHERE code = $3
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name
       RETURNING id::text`,
      [randomUUID(), body.data.code, body.data.country, body.data.name],
    );
    if (!row) return replyError(reply, 'not-found');
    return reply.code(201).send({ id: row.id, ...body.data });
  });

  app.post<{ Params: { code: string } }>(
    `${admin}/centres/:code/enrolment-codes`,
    { preHandler },
    async (request, reply) => {
      const body = codeSchema.safeParse(request.body ?? {});
      if (!body.success) return replyError(reply, 'invalid-request');
      const issued = await issueEnrolmentCode(db, request.params.code, body.data.ttlMinutes);
      if (!issued) return replyError(reply, 'not-found');
      return reply.code(201).send(issued);
    },
  );

  app.get(`${admin}/devices`, { preHandler }, async () =>
    (
      await db.query<{
        id: string;
        centre: string;
        enrolled_at: Date;
        revoked_at: Date | null;
        last_seen_at: Date | null;
      }>(
        `SELECT d.id::text, c.code AS centre, d.enrolled_at, d.revoked_at, d.last_seen_at
         FROM device d JOIN centre c ON c.id = d.centre_id ORDER BY d.enrolled_at`,
      )
    ).map((d) => ({
      id: d.id,
      centre: d.centre,
      enrolledAt: new Date(d.enrolled_at).toISOString(),
      revokedAt: d.revoked_at && new Date(d.revoked_at).toISOString(),
      lastSeenAt: d.last_seen_at && new Date(d.last_seen_at).toISOString(),
    })),
  );

  app.post<{ Params: { id: string } }>(
    `${admin}/devices/:id/revoke`,
    { preHandler },
    async (request, reply) => {
      if (!z.string().uuid().safeParse(request.params.id).success) return replyError(reply, 'not-found');
      // now() only as a plain value: Citus refuses a STABLE function mixed with a column in UPDATE.
      await db.query('UPDATE device SET revoked_at = now() WHERE id = $1::uuid AND revoked_at IS NULL', [
        request.params.id,
      ]);
      const rows = await db.query('SELECT id FROM device WHERE id = $1::uuid', [request.params.id]);
      if (rows.length === 0) return replyError(reply, 'not-found');
      return { id: request.params.id, revoked: true };
    },
  );

  // Counts and a digest of the stored event ids: lets an admin (and the tests) check that the
  // tracker holds exactly what the devices sent, without any person-level row leaving it.
  app.get(`${admin}/stats`, { preHandler }, async () => {
    const [row] = await db.query<Record<string, number | string | null>>(
      `SELECT (SELECT count(*)::int FROM attendance_event) AS "attendanceEvents",
         (SELECT count(*)::int FROM attendance) AS "attendanceRows",
         (SELECT count(*)::int FROM session) AS "sessions",
         (SELECT count(*)::int FROM sync_conflict) AS "conflicts",
         (SELECT count(*)::int FROM reach_person) AS "peopleReached",
         (SELECT count(*)::int FROM lesson_step) AS "lessonSteps",
         (SELECT md5(coalesce(string_agg(event_id::text, ',' ORDER BY event_id::text), '')) FROM attendance_event)
           AS "eventIdsDigest"`,
    );
    return row;
  });

  app.post(`${admin}/staff`, { preHandler }, async (request, reply) => {
    const body = staffSchema.safeParse(request.body);
    if (!body.success || !(await createStaffUser(db, body.data.username, body.data.password)))
      return replyError(reply, 'invalid-request');
    return reply.code(201).send({ username: body.data.username });
  });

  app.post(syncPaths.bundles, { preHandler, bodyLimit: 256 * 1024 * 1024 }, async (request, reply) => {
    const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const outcome = await importBundle(db, text, retention ?? null);
    if (!outcome.ok) return replyError(reply, outcome.code);
    return { bundleId: outcome.bundleId, deviceId: outcome.deviceId, ...outcome.counts };
  });
};
