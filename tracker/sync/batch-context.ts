import type { ItemResult } from '../../common/sync/sync-protocol';
import type { Queryable } from '../db/database';

/** What the appliers share while one batch is applied inside its transaction. */
export interface BatchContext {
  tx: Queryable;
  centreId: string;
  deviceId: string;
  /** The first month kept by retention ('YYYY-MM'), or null when everything is kept. */
  keepFrom: string | null;
  results: ItemResult[];
}

export interface Keyed<T> {
  index: number;
  key: string;
  hash: string;
  item: T;
}

/**
 * Splits items by key: the first of each key goes to the database; a later one with the same
 * key is answered here (same content: duplicate; different content: conflict, kept aside).
 */
export const firstOfEachKey = async <T>(
  context: BatchContext,
  entity: string,
  items: Keyed<T>[],
  personOf: (item: T) => string | null,
): Promise<Keyed<T>[]> => {
  const first = new Map<string, Keyed<T>>();
  const conflicts: Keyed<T>[] = [];
  for (const entry of items) {
    const seen = first.get(entry.key);
    if (!seen) first.set(entry.key, entry);
    else if (seen.hash === entry.hash)
      context.results[entry.index] = { index: entry.index, status: 'duplicate' };
    else conflicts.push(entry);
  }
  await keepConflicts(context, entity, conflicts, personOf);
  return [...first.values()];
};

/** Stores conflicting items for review and answers them 'conflict'. */
export const keepConflicts = async <T>(
  context: BatchContext,
  entity: string,
  conflicts: Keyed<T>[],
  personOf: (item: T) => string | null,
): Promise<void> => {
  if (conflicts.length === 0) return;
  await context.tx.query(
    `INSERT INTO sync_conflict (centre_id, entity, entity_id, person_id, device_id, item)
     SELECT $1::uuid, $2, r.entity_id, r.person_id, $3::uuid, r.item
     FROM jsonb_to_recordset($4::jsonb) AS r(entity_id uuid, person_id uuid, item jsonb)`,
    [
      context.centreId,
      entity,
      context.deviceId,
      JSON.stringify(
        conflicts.map((c) => ({ entity_id: c.key.split('|')[0], person_id: personOf(c.item), item: c.item })),
      ),
    ],
  );
  for (const c of conflicts) context.results[c.index] = { index: c.index, status: 'conflict' };
};

/**
 * After an INSERT … ON CONFLICT DO NOTHING: the keys returned were stored now; for the others,
 * the stored hash decides between duplicate and conflict.
 */
export const answerInserted = async <T>(
  context: BatchContext,
  entity: string,
  entries: Keyed<T>[],
  insertedKeys: Set<string>,
  storedHashes: (keys: string[]) => Promise<Map<string, string>>,
  personOf: (item: T) => string | null,
): Promise<void> => {
  const rest = entries.filter((e) => !insertedKeys.has(e.key));
  const stored = rest.length ? await storedHashes(rest.map((e) => e.key)) : new Map<string, string>();
  const conflicts: Keyed<T>[] = [];
  for (const entry of entries) {
    if (insertedKeys.has(entry.key))
      context.results[entry.index] = { index: entry.index, status: 'accepted' };
    else if (stored.get(entry.key) === entry.hash)
      context.results[entry.index] = { index: entry.index, status: 'duplicate' };
    else conflicts.push(entry);
  }
  await keepConflicts(context, entity, conflicts, personOf);
};
