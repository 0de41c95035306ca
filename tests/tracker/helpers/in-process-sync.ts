import { randomUUID } from 'node:crypto';
import type { ItemResult } from '../../../common/sync/sync-protocol';
import type { Database } from '../../../tracker/db/database';
import type { EnrolledDevice } from '../../../tracker/sync/apply-batch';
import { syncBatch, type SyncBatchOptions } from '../../../tracker/sync/sync-batch';

/** A country, a centre and an enrolled device straight in the database (ids chosen by the caller). */
export const addCentreWithDevice = async (
  db: Database,
  centre: { id: string; code: string; country: string },
  deviceId: string,
): Promise<EnrolledDevice> => {
  await db.query(`INSERT INTO country (code, name) VALUES ($1, $1) ON CONFLICT DO NOTHING`, [centre.country]);
  await db.query(`INSERT INTO centre (id, code, country_code, name) VALUES ($1, $2, $3, $2)`, [
    centre.id,
    centre.code,
    centre.country,
  ]);
  await db.query(`INSERT INTO device (id, centre_id, credential_hash, bundle_key) VALUES ($1, $2, $3, 'k')`, [
    deviceId,
    centre.id,
    randomUUID(),
  ]);
  return { id: deviceId, centreId: centre.id, centreCode: centre.code };
};

/** Sends items through the tracker's own sync path in batches of 500; returns every answer. */
export const syncInProcess = async (
  db: Database,
  device: EnrolledDevice,
  items: unknown[],
  options: SyncBatchOptions = {},
): Promise<ItemResult[]> => {
  const results: ItemResult[] = [];
  for (let start = 0; start < items.length; start += 500) {
    const outcome = await syncBatch(db, device, randomUUID(), items.slice(start, start + 500), options);
    if (outcome.kind !== 'answered') throw new Error('idempotency key reused');
    results.push(...outcome.results);
  }
  return results;
};
