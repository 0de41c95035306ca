import type { PersonItem, TombstoneItem } from '../../common/sync/sync-items';
import { keepConflicts, type BatchContext, type Keyed } from './batch-context';
import { applyCountDeltas, countDeltas, monthDays, type CountedRow } from './rollup-counts';

const idsJson = (ids: Iterable<string>) => JSON.stringify([...new Set(ids)]);

/** Person ids of this centre that were erased (or withdrew consent) before this batch. */
export const erasedPeople = async (context: BatchContext, ids: string[]): Promise<Set<string>> => {
  if (ids.length === 0) return new Set();
  const rows = await context.tx.query<{ person_id: string }>(
    `SELECT person_id::text FROM person
     WHERE centre_id = $1::uuid AND erased_at IS NOT NULL
       AND person_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))`,
    [context.centreId, idsJson(ids)],
  );
  return new Set(rows.map((r) => r.person_id));
};

/**
 * Person items are versions of a mutable record: the newest `at` wins. The same (id, at) with
 * other content is a conflict, kept aside; an older version is answered 'duplicate' (nothing new).
 */
export const applyPersonItems = async (context: BatchContext, entries: Keyed<PersonItem>[]) => {
  if (entries.length === 0) return;
  const newest = new Map<string, Keyed<PersonItem>>();
  for (const entry of entries) {
    const id = entry.item.payload.id.toLowerCase();
    const seen = newest.get(id);
    if (!seen || Date.parse(entry.item.at) > Date.parse(seen.item.at)) newest.set(id, entry);
  }
  const updated = await context.tx.query<{ person_id: string }>(
    `INSERT INTO person (centre_id, person_id, person_type, age_band, sex, consent_state, deleted, changed_at, content_hash)
     SELECT $1::uuid, r.person_id, r.person_type, r.age_band, r.sex, r.consent_state, r.deleted, r.changed_at, r.content_hash
     FROM jsonb_to_recordset($2::jsonb) AS r(person_id uuid, person_type text, age_band text, sex text,
       consent_state text, deleted boolean, changed_at timestamptz, content_hash text)
     ON CONFLICT (centre_id, person_id) DO UPDATE SET
       person_type = EXCLUDED.person_type, age_band = EXCLUDED.age_band, sex = EXCLUDED.sex,
       consent_state = EXCLUDED.consent_state, deleted = EXCLUDED.deleted,
       changed_at = EXCLUDED.changed_at, content_hash = EXCLUDED.content_hash
     WHERE person.erased_at IS NULL AND (person.changed_at IS NULL OR person.changed_at < EXCLUDED.changed_at)
     RETURNING person_id::text`,
    [
      context.centreId,
      JSON.stringify(
        [...newest.values()].map(({ item: { payload: p, at }, hash }) => ({
          person_id: p.id,
          person_type: p.type,
          age_band: p.ageBand,
          sex: p.sex,
          consent_state: p.consentState,
          deleted: p.deleted,
          changed_at: at,
          content_hash: hash,
        })),
      ),
    ],
  );
  const stored = new Map(
    (
      await context.tx.query<{ person_id: string; changed_at: string | Date; content_hash: string }>(
        `SELECT person_id::text, changed_at, content_hash FROM person
         WHERE centre_id = $1::uuid AND person_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))`,
        [context.centreId, idsJson(newest.keys())],
      )
    ).map((r) => [r.person_id, { at: new Date(r.changed_at).getTime(), hash: r.content_hash }]),
  );
  const updatedIds = new Set(updated.map((r) => r.person_id));
  const conflicts: Keyed<PersonItem>[] = [];
  for (const entry of entries) {
    const id = entry.item.payload.id.toLowerCase();
    const current = stored.get(id);
    const at = Date.parse(entry.item.at);
    if (updatedIds.has(id) && newest.get(id) === entry)
      context.results[entry.index] = { index: entry.index, status: 'accepted' };
    else if (current && current.at === at && current.hash !== entry.hash) conflicts.push(entry);
    else if (current && current.at === at)
      context.results[entry.index] = { index: entry.index, status: 'duplicate' };
    else context.results[entry.index] = { index: entry.index, status: 'duplicate' };
  }
  await keepConflicts(context, 'person', conflicts, (item) => item.payload.id);
};

/**
 * Erasure and consent withdrawal: the person keeps only its id and erased_at; every event,
 * attendance row, rollup row and conflict copy about them is deleted, and the counts drop them.
 */
export const applyTombstones = async (context: BatchContext, entries: Keyed<TombstoneItem>[]) => {
  if (entries.length === 0) return;
  const ids = [...new Set(entries.map((e) => e.item.payload.id.toLowerCase()))];
  const erased = await context.tx.query<{ person_id: string }>(
    `INSERT INTO person (centre_id, person_id, erased_at)
     SELECT $1::uuid, value::uuid, now() FROM jsonb_array_elements_text($2::jsonb)
     ON CONFLICT (centre_id, person_id) DO UPDATE SET
       person_type = NULL, age_band = NULL, sex = NULL, consent_state = NULL, deleted = NULL,
       changed_at = NULL, content_hash = NULL, erased_at = EXCLUDED.erased_at
     WHERE person.erased_at IS NULL
     RETURNING person_id::text`,
    [context.centreId, JSON.stringify(ids)],
  );
  const newlyErased = new Set(erased.map((r) => r.person_id));
  const answered = new Set<string>();
  for (const entry of entries) {
    const id = entry.item.payload.id.toLowerCase();
    const first = newlyErased.has(id) && !answered.has(id);
    answered.add(id);
    context.results[entry.index] = { index: entry.index, status: first ? 'accepted' : 'duplicate' };
  }
  for (const table of ['attendance_event', 'attendance', 'sync_conflict'])
    await context.tx.query(
      `DELETE FROM ${table} WHERE centre_id = $1::uuid
       AND person_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))`,
      [context.centreId, JSON.stringify(ids)],
    );
  const months = await context.tx.query<CountedRow>(
    `DELETE FROM reach_person_month WHERE centre_id = $1::uuid
     AND person_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))
     RETURNING ${monthDays('month')} AS month, person_type, age_band, sex`,
    [context.centreId, JSON.stringify(ids)],
  );
  await applyCountDeltas(context.tx, context.centreId, 'month', countDeltas(months, []));
  const people = await context.tx.query<CountedRow>(
    `DELETE FROM reach_person WHERE centre_id = $1::uuid
     AND person_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))
     RETURNING ${monthDays('first_month')} AS month, person_type, age_band, sex`,
    [context.centreId, JSON.stringify(ids)],
  );
  await applyCountDeltas(context.tx, context.centreId, 'first', countDeltas(people, []));
};
