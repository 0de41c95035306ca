import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../tracker/db/database';
import { openDatabase } from '../../tracker/db/open-database';
import { startTestTracker, type TestTracker } from './helpers/start-test-tracker';
import { enrol } from './helpers/test-device';

describe('enrolment and revocation', () => {
  let tracker: TestTracker;
  let db: Database;
  let centre: string;

  beforeAll(async () => {
    tracker = await startTestTracker({ engine: 'postgres' });
    db = await openDatabase(tracker.databaseUrl!);
    centre = await tracker.createCentre({ code: 'sv-enrol' });
  }, 240_000);
  afterAll(async () => {
    await db?.close();
    await tracker?.stop();
  });

  // All tests enrol from 127.0.0.1: each starts with a clean count of failed tries.
  beforeEach(() => db.query('DELETE FROM auth_attempt'));

  const deviceInfo = (credential: string) =>
    fetch(`${tracker.url}/api/v1/device`, { headers: { authorization: `Bearer ${credential}` } });

  it('exchanges a code (typed in any case, without dashes) for a credential stored only as a hash', async () => {
    const code = await tracker.issueEnrolmentCode(centre);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const answer = await enrol(tracker.url, code.replace(/-/g, '').toLowerCase());
    expect(answer.status).toBe(201);
    expect(answer.body.centre).toMatchObject({ code: centre, country: 'SV' });
    expect((await deviceInfo(answer.body.credential)).status).toBe(200);
    const [row] = await db.query<{ credential_hash: string }>(
      'SELECT credential_hash FROM device WHERE id = $1',
      [answer.body.deviceId],
    );
    expect(row.credential_hash).toBe(createHash('sha256').update(answer.body.credential).digest('base64url'));
    const stored =
      JSON.stringify(await db.query('SELECT * FROM device')) +
      JSON.stringify(await db.query('SELECT * FROM enrolment_code'));
    expect(stored).not.toContain(answer.body.credential);
    expect(stored).not.toContain(code);
  });

  it('refuses a reused, a wrong and an expired code', async () => {
    const code = await tracker.issueEnrolmentCode(centre);
    expect((await enrol(tracker.url, code)).status).toBe(201);
    const reused = await enrol(tracker.url, code);
    expect(reused).toMatchObject({ status: 409, body: { error: { code: 'enrolment-code-used' } } });
    const wrong = await enrol(tracker.url, 'ZZZZ-ZZZZ-ZZZZ');
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'enrolment-code-invalid' } } });
    const late = await tracker.issueEnrolmentCode(centre);
    await db.query(
      `UPDATE enrolment_code SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`,
    );
    const expired = await enrol(tracker.url, late);
    expect(expired).toMatchObject({ status: 410, body: { error: { code: 'enrolment-code-expired' } } });
  });

  it('lets only one of two devices racing with the same code enrol', async () => {
    const code = await tracker.issueEnrolmentCode(centre);
    const answers = await Promise.all(Array.from({ length: 4 }, () => enrol(tracker.url, code)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it('refuses a revoked device at its next contact, and a made-up credential', async () => {
    const answer = await enrol(tracker.url, await tracker.issueEnrolmentCode(centre));
    await tracker.revokeDevice(answer.body.deviceId);
    const refused = await deviceInfo(answer.body.credential);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'device-revoked' } });
    expect((await deviceInfo('chd_made-up-credential-of-enough-length')).status).toBe(401);
  });

  it('rate-limits guessing: after 5 wrong codes even a right code waits, and says how long', async () => {
    const good = await tracker.issueEnrolmentCode(centre);
    for (let i = 0; i < 5; i += 1)
      expect((await enrol(tracker.url, `AAAA-BBBB-${1000 + i}`)).status).toBe(400);
    const response = await fetch(`${tracker.url}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: good }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ error: { code: 'rate-limited' } });
    await db.query('DELETE FROM auth_attempt');
    expect((await enrol(tracker.url, good)).status).toBe(201);
  });
});
