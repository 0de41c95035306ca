import { randomUUID } from 'node:crypto';
import type { ItemStatus } from '../../../common/sync/sync-protocol';
import { testDevice } from './test-device';

export interface Batch {
  key: string;
  items: unknown[];
}

/** Cuts items into batches of `size`, each with a fresh Idempotency-Key. */
export const batchesOf = (items: unknown[], size: number): Batch[] => {
  const batches: Batch[] = [];
  for (let start = 0; start < items.length; start += size)
    batches.push({ key: randomUUID(), items: items.slice(start, start + size) });
  return batches;
};

/**
 * Sends each batch until the tracker answers 200, retrying the SAME batch with the SAME key
 * after a network error, a dropped connection or a 5xx (as the app's sync does). Returns the
 * final status of every item sent, batch by batch, and how many attempts it took.
 */
export const sendUntilAnswered = async (baseUrl: string, credential: string, batches: Batch[]) => {
  const device = testDevice(baseUrl, credential);
  const statuses: ItemStatus[][] = [];
  let attempts = 0;
  for (const batch of batches) {
    for (let tries = 0; ; tries += 1) {
      attempts += 1;
      if (tries > 400) throw new Error(`batch ${batch.key} never answered`);
      const answer = await device.send(batch.items, batch.key).catch(() => null);
      if (answer?.status === 200) {
        statuses.push(answer.body.results.map((r) => r.status));
        break;
      }
      if (answer && answer.status < 500)
        throw new Error(`final error ${answer.status}: ${JSON.stringify(answer.body)}`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** Math.min(tries, 6))));
    }
  }
  return { statuses, attempts };
};
