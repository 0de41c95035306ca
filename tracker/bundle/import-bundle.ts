import { bundleChunkIdempotencyKey } from '../../common/sync/bundle-format';
import { maxBatchItems, type ItemStatus } from '../../common/sync/sync-protocol';
import type { Database } from '../db/database';
import type { RetentionMonths } from '../db/retention';
import { syncBatch } from '../sync/sync-batch';
import { openBundle, readBundleFile } from './open-bundle';

export type BundleImport =
  | { ok: true; bundleId: string; deviceId: string; counts: Record<ItemStatus, number> }
  | { ok: false; code: 'bundle-invalid' | 'device-revoked' };

/**
 * A USB bundle goes through the same path as a sync: chunks of maxBatchItems, each with a
 * key derived from the bundle id, so importing the same file twice changes nothing.
 */
export const importBundle = async (
  db: Database,
  text: string,
  retention: RetentionMonths = null,
): Promise<BundleImport> => {
  const bundle = readBundleFile(text);
  if (!bundle) return { ok: false, code: 'bundle-invalid' };
  const [device] = await db.query<{
    id: string;
    centre_id: string;
    code: string;
    bundle_key: string;
    revoked: boolean;
  }>(
    `SELECT d.id::text, d.centre_id::text, c.code, d.bundle_key, d.revoked_at IS NOT NULL AS revoked
     FROM device d JOIN centre c ON c.id = d.centre_id WHERE d.id = $1::uuid`,
    [bundle.deviceId],
  );
  if (!device) return { ok: false, code: 'bundle-invalid' };
  if (device.revoked) return { ok: false, code: 'device-revoked' };
  const items = openBundle(bundle, device.bundle_key);
  if (!items) return { ok: false, code: 'bundle-invalid' };
  const counts: Record<ItemStatus, number> = { accepted: 0, duplicate: 0, conflict: 0, invalid: 0 };
  const enrolled = { id: device.id, centreId: device.centre_id, centreCode: device.code };
  for (let start = 0, chunk = 0; start < items.length; start += maxBatchItems, chunk += 1) {
    const outcome = await syncBatch(
      db,
      enrolled,
      bundleChunkIdempotencyKey(bundle.bundleId, chunk),
      items.slice(start, start + maxBatchItems),
      { retention },
    );
    if (outcome.kind !== 'answered') return { ok: false, code: 'bundle-invalid' };
    // A chunk imported before changes nothing now: its items count as duplicates this time.
    for (const result of outcome.results)
      counts[outcome.replayed && result.status === 'accepted' ? 'duplicate' : result.status] += 1;
  }
  return { ok: true, bundleId: bundle.bundleId, deviceId: device.id, counts };
};
