import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealBundle } from './helpers/seal-bundle';
import { startTestTracker, type TestTracker } from './helpers/start-test-tracker';
import { manyCheckIns } from './helpers/test-items';
import { enrolledDevice } from './helpers/test-device';

describe('USB bundle import', () => {
  let tracker: TestTracker;
  let centre: string;

  beforeAll(async () => {
    tracker = await startTestTracker({ engine: 'postgres' });
    centre = await tracker.createCentre({ code: 'sv-usb' });
  }, 240_000);
  afterAll(() => tracker?.stop());

  const importFile = async (file: unknown, token = tracker.adminToken) => {
    const response = await fetch(`${tracker.url}/api/v1/bundles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(file),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const stats = () =>
    tracker.admin<{ attendanceEvents: number; eventIdsDigest: string }>('GET', '/api/v1/admin/stats');

  it('imports a sealed bundle through the idempotent path: twice changes nothing', async () => {
    const device = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
    const bundle = sealBundle(device.deviceId, device.bundleKey, manyCheckIns(centre, 1200));
    const first = await importFile(bundle);
    expect(first).toMatchObject({
      status: 200,
      body: { accepted: 1200, duplicate: 0, conflict: 0, invalid: 0 },
    });
    const before = await stats();
    const second = await importFile(bundle);
    expect(second.body).toMatchObject({ accepted: 0, duplicate: 1200, conflict: 0, invalid: 0 });
    expect(await stats()).toEqual(before);
    expect(before.attendanceEvents).toBe(1200);
  });

  it('refuses a tampered bundle, one sealed with another key, and an import without the admin token', async () => {
    const device = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
    const other = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
    const bundle = sealBundle(device.deviceId, device.bundleKey, manyCheckIns(centre, 20));
    const flip = (text: string) => (text[10] === 'A' ? 'B' : 'A');
    const tampered = [
      {
        ...bundle,
        ciphertext: bundle.ciphertext.slice(0, 10) + flip(bundle.ciphertext) + bundle.ciphertext.slice(11),
      },
      { ...bundle, itemCount: 19 },
      { ...bundle, createdAt: '2020-01-01T00:00:00.000Z' },
      { ...bundle, deviceId: other.deviceId },
      sealBundle(device.deviceId, other.bundleKey, manyCheckIns(centre, 20)),
    ];
    const before = await stats();
    for (const file of tampered) {
      const answer = await importFile(file);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'bundle-invalid' } });
    }
    expect((await importFile(bundle, 'not-the-admin-token')).status).toBe(401);
    expect(await stats()).toEqual(before);
  });

  it("refuses a revoked device's bundle", async () => {
    const device = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
    const bundle = sealBundle(device.deviceId, device.bundleKey, manyCheckIns(centre, 5));
    await tracker.revokeDevice(device.deviceId);
    const answer = await importFile(bundle);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: { code: 'device-revoked' } });
  });
});
