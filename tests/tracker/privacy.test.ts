import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../tracker/db/open-database';
import type { Database } from '../../tracker/db/database';
import { migrate } from '../../tracker/db/migrate';
import { buildServer, type TrackerServer } from '../../tracker/http/build-server';
import { createDatabase, startPostgres, type PostgresServer } from './helpers/postgres-server';
import { checkInItem, sessionItem, testPerson, testSession, type TestPerson } from './helpers/test-items';
import type { SyncItem } from '../../common/sync/sync-items';

const names = ['Ana Pérez', 'María José', 'Luis Hernández'];

/**
 * Every route of the tracker, called as the admin and as programme staff: no answer carries a
 * name or any person-level id, and no published count is between 1 and 4.
 */
describe('privacy of every tracker endpoint and export', () => {
  let postgres: PostgresServer;
  let db: Database;
  let server: TrackerServer;
  let app: TrackerServer['app'];
  const adminToken = randomBytes(24).toString('base64url');
  const personLevelIds: string[] = [];
  let staffCookie = '';

  const inject = (
    method: 'GET' | 'POST',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => app.inject({ method, url, payload: payload as object, headers });
  const asAdmin = { authorization: `Bearer ${adminToken}` };

  beforeAll(async () => {
    postgres = await startPostgres();
    db = await openDatabase(await createDatabase(postgres, 'privacy'));
    await migrate(db);
    server = await buildServer({ db, adminToken });
    app = server.app;
    await inject('POST', '/api/v1/admin/countries', { code: 'SV', name: 'El Salvador' }, asAdmin);
    await inject('POST', '/api/v1/admin/countries', { code: 'GT', name: 'Guatemala' }, asAdmin);
    const enrolIn = async (country: string, code: string) => {
      await inject('POST', '/api/v1/admin/centres', { country, code, name: `Centro ${code}` }, asAdmin);
      const issued = (
        await inject('POST', `/api/v1/admin/centres/${code}/enrolment-codes`, {}, asAdmin)
      ).json();
      return (await inject('POST', '/api/v1/enrol', { code: issued.code })).json().credential as string;
    };
    const send = async (credential: string, items: unknown[]) =>
      (
        await inject(
          'POST',
          '/api/v1/sync',
          { items },
          {
            authorization: `Bearer ${credential}`,
            'idempotency-key': randomBytes(12).toString('hex'),
          },
        )
      ).json();

    // Small and not-so-small cells: 6 girls and 3 boys, 2 teachers, 1 + 8 caregivers in two countries.
    const people = (type: TestPerson['type'], sex: TestPerson['sex'], count: number) =>
      Array.from({ length: count }, () => ({ ...testPerson(type), sex }));
    const centreA = 'sv-uno';
    const centreB = 'gt-dos';
    const a = await enrolIn('SV', centreA);
    const b = await enrolIn('GT', centreB);
    const marchA = testSession('2026-03-10', 'coding-class');
    const aprilA = testSession('2026-04-14', 'digital-safety-family');
    const marchB = testSession('2026-03-11', 'teacher-training');
    const inA = [
      ...people('learner', 'female', 6),
      ...people('learner', 'male', 3),
      ...people('teacher', null, 2),
      ...people('caregiver', 'female', 1),
    ];
    const inB = people('caregiver', 'male', 8);
    const itemsA: SyncItem[] = [
      sessionItem(centreA, marchA),
      ...inA.map((p) => checkInItem(centreA, marchA, p)),
      ...inA.slice(0, 4).map((p) => checkInItem(centreA, aprilA, p)),
    ];
    const itemsB: SyncItem[] = [
      sessionItem(centreB, marchB),
      ...inB.map((p) => checkInItem(centreB, marchB, p)),
    ];
    const named = { ...checkInItem(centreA, marchA, testPerson('learner')) } as SyncItem & {
      payload: Record<string, unknown>;
    };
    named.payload = { ...named.payload, displayName: names[0], guardian: names[1] };
    // Lesson steps: the nine children each pass the first step of "blink"; three finish it.
    const steps = inA.slice(0, 9).map((p, i) => ({
      entity: 'lesson-progress',
      op: 'step-done',
      at: '2026-03-10T16:00:00.000Z',
      payload: {
        eventId: randomUUID(),
        personId: p.id,
        centre: centreA,
        lessonId: 'blink',
        step: 0,
        lessonDone: i < 3,
        date: '2026-03-10',
        consentState: 'given',
        consentScopes: ['attendance', 'reporting'],
      },
    }));
    const resultA = await send(a, [...itemsA, named]);
    expect(resultA.results.at(-1)).toMatchObject({ status: 'invalid', reason: 'unexpected-field' });
    await send(b, itemsB);
    const stepResults = (await send(a, steps)).results as { status: string }[];
    expect(stepResults.map((r) => r.status)).toEqual(steps.map(() => 'accepted'));
    personLevelIds.push(...steps.map((step) => step.payload.eventId));
    for (const item of [...itemsA, ...itemsB, named])
      if (item.entity === 'attendance')
        personLevelIds.push(item.payload.personId, item.payload.attendanceId, item.payload.eventId);

    await inject(
      'POST',
      '/api/v1/admin/staff',
      { username: 'monitoreo', password: 'clave-segura-123' },
      asAdmin,
    );
    const login = await inject('POST', '/api/v1/staff/login', {
      username: 'monitoreo',
      password: 'clave-segura-123',
    });
    staffCookie = String(login.headers['set-cookie']).split(';')[0];
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await postgres?.stop();
  });

  const reachQueries = [
    '',
    '?from=2026-01&to=2026-12',
    '?from=2026-03&to=2026-03',
    '?country=SV&from=2026-01&to=2026-12',
    '?centre=gt-dos&from=2026-03&to=2026-04',
  ];

  it('serves no name and no person-level id on any GET route, as admin or as staff', async () => {
    const gets = server.routes.filter((r) => r.method === 'GET' && !r.url.includes('*'));
    expect(gets.map((r) => r.url)).toEqual(
      expect.arrayContaining([
        '/api/v1/reach',
        '/api/v1/reach.csv',
        '/api/v1/admin/devices',
        '/api/v1/admin/stats',
      ]),
    );
    for (const route of gets) {
      const urls = route.url.startsWith('/api/v1/reach')
        ? reachQueries.map((q) => route.url + q)
        : [route.url.replace(':lang', 'es')];
      for (const url of urls)
        for (const headers of [asAdmin, { cookie: staffCookie }]) {
          const body = (await inject('GET', url, undefined, headers)).body;
          for (const name of names) expect(body, url).not.toContain(name);
          for (const id of personLevelIds) expect(body, url).not.toContain(id);
        }
    }
  });

  it('publishes no count from 1 to 4 in the reach API or the CSV export, for any filter', async () => {
    const smallCounts: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (value && typeof value === 'object')
        for (const [key, v] of Object.entries(value)) {
          if (
            ['reached', 'newlyReached', 'sessions', 'lessons', 'steps'].includes(key) &&
            typeof v === 'number' &&
            v >= 1 &&
            v <= 4
          )
            smallCounts.push(`${path}.${key}=${v}`);
          walk(v, `${path}.${key}`);
        }
    };
    for (const query of reachQueries) {
      const report = (
        await inject('GET', `/api/v1/reach${query}`, undefined, { cookie: staffCookie })
      ).json();
      walk(report, query);
      const csv = (await inject('GET', `/api/v1/reach.csv${query}`, undefined, { cookie: staffCookie })).body;
      expect(csv.startsWith('\uFEFF')).toBe(true);
      for (const line of csv.trim().split('\r\n').slice(1)) {
        const count = line.split(',').at(-1);
        if (/^[1-4]$/.test(count ?? '')) smallCounts.push(`csv${query}: ${line}`);
      }
    }
    expect(smallCounts).toEqual([]);

    const year = (await inject('GET', '/api/v1/reach?from=2026-01&to=2026-12', undefined, asAdmin)).json();
    const learners = year.totals.find((t: { personType: string }) => t.personType === 'learner');
    expect(learners.reached).toBe(9);
    // Three lessons finished is a small cell; nine steps is not.
    expect(year.lessons.totals).toEqual({ lessons: null, steps: 9 });
    // 3 boys are hidden, and so are the 6 girls, who would reveal them (9 − 6).
    expect(year.bySex.filter((s: { personType: string }) => s.personType === 'learner')).toEqual([
      { personType: 'learner', sex: 'female', reached: null },
      { personType: 'learner', sex: 'male', reached: null },
    ]);
    expect(year.totals.find((t: { personType: string }) => t.personType === 'teacher').reached).toBeNull();
  });

  it('refuses the reach API and export without a sign-in', async () => {
    expect((await inject('GET', '/api/v1/reach')).statusCode).toBe(401);
    expect((await inject('GET', '/api/v1/reach.csv')).statusCode).toBe(401);
    expect((await inject('GET', '/api/v1/admin/stats', undefined, { cookie: staffCookie })).statusCode).toBe(
      401,
    );
  });
});
