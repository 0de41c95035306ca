/**
 * Which outbox rows may leave the PC, and what each becomes on the wire (common/sync/sync-items).
 * - Sessions carry no personal data: always sent; nor does an anonymous lesson step ("anónimo").
 * - Person, attendance and named lesson-progress rows only when no consent is needed (an adult) or the guardian's consent
 *   includes central reporting. Everything else is withheld: it never leaves the PC.
 * - Erasure is sent as the 'erase' tombstone; a consent withdrawal (the person 'consent' row whose
 *   state is 'withdrawn') as the 'withdraw-consent' tombstone. Rows of that person written before
 *   the tombstone are superseded: only the tombstone travels.
 * The eligibility rule is one SQL expression so that counting pending rows and choosing what to
 * send can never disagree.
 */
import type { SyncItem } from '../../common/sync/sync-items';
import type { Sql } from '../db/sqlite';

export interface OutboxRow {
  id: number;
  entity: 'person' | 'session' | 'attendance' | 'lesson-progress';
  entity_id: string;
  op: string;
  payload: string;
  created_at: string;
  /** 1 when the row may leave the PC (eligibleSql), else 0. */
  eligible: number;
}

const consentState = "json_extract(payload, '$.consentState')";

/** Rows that are tombstones (erasure or consent withdrawal of a person). */
export const tombstoneSql = `(entity = 'person' AND (op = 'erase' OR (op = 'consent' AND ${consentState} = 'withdrawn')))`;

export const eligibleSql = `(entity = 'session' OR ${tombstoneSql} OR ${consentState} = 'not-required'
  OR (entity = 'lesson-progress' AND json_extract(payload, '$.personId') IS NULL)
  OR (${consentState} = 'given' AND EXISTS
      (SELECT 1 FROM json_each(payload, '$.consentScopes') WHERE value = 'reporting')))`;

export const outboxColumns = `id, entity, entity_id, op, payload, created_at, ${eligibleSql} AS eligible`;

const personOf = (row: OutboxRow): string | null => {
  if (row.entity === 'person') return row.entity_id;
  if (row.entity === 'attendance' || row.entity === 'lesson-progress')
    return (JSON.parse(row.payload) as { personId: string | null }).personId;
  return null;
};

/** Latest tombstone row id per person, among the given people (uses the (entity, entity_id) index). */
export const latestTombstones = async (
  sql: Sql,
  personIds: readonly string[],
): Promise<Map<string, number>> => {
  const latest = new Map<string, number>();
  if (personIds.length === 0) return latest;
  const rows = await sql.all<{ person: string; last: number }>(
    `SELECT entity_id AS person, MAX(id) AS last FROM outbox
     WHERE entity = 'person' AND entity_id IN (${personIds.map(() => '?').join(',')}) AND ${tombstoneSql}
     GROUP BY entity_id`,
    personIds,
  );
  for (const row of rows) latest.set(row.person, row.last);
  return latest;
};

export type Classified =
  | { outboxId: number; state: 'send'; item: SyncItem }
  | { outboxId: number; state: 'withheld' | 'superseded' };

/** The wire item for an eligible row. `centre` is the enrolled centre's code (see below). */
export const toSyncItem = (row: OutboxRow, centre: string): SyncItem => {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  const at = row.created_at;
  if (row.entity === 'person' && row.op === 'erase') {
    return { entity: 'person', op: 'erase', at, payload: { id: row.entity_id } };
  }
  if (row.entity === 'person' && row.op === 'consent' && payload.consentState === 'withdrawn') {
    return { entity: 'person', op: 'withdraw-consent', at, payload: { id: row.entity_id } };
  }
  // Rows written before enrolment carry the placeholder centre code; this PC belongs to the
  // enrolled centre, so every row it sends is that centre's.
  return { entity: row.entity, op: row.op, at, payload: { ...payload, centre } } as SyncItem;
};

/** Classifies a window of rows (ascending ids) given the latest tombstone of each person. */
export const classifyRows = (
  rows: readonly OutboxRow[],
  tombstones: ReadonlyMap<string, number>,
  centre: string,
): Classified[] =>
  rows.map((row) => {
    if (!row.eligible) return { outboxId: row.id, state: 'withheld' };
    const person = personOf(row);
    const tombstone = person === null ? undefined : tombstones.get(person);
    if (tombstone !== undefined && tombstone > row.id) return { outboxId: row.id, state: 'superseded' };
    return { outboxId: row.id, state: 'send', item: toSyncItem(row, centre) };
  });

/** Reads and classifies the rows after `afterId` (at most `limit`), through the given connection. */
export const readClassified = async (
  sql: Sql,
  afterId: number,
  limit: number,
  centre: string,
): Promise<Classified[]> => {
  const rows = await sql.all<OutboxRow>(
    `SELECT ${outboxColumns} FROM outbox WHERE id > ? ORDER BY id LIMIT ?`,
    [afterId, limit],
  );
  const people = [...new Set(rows.map(personOf).filter((id): id is string => id !== null))];
  return classifyRows(rows, await latestTombstones(sql, people), centre);
};
