/** How many outbox rows are where, for the staff area's sync status (reader connection only). */
import type { Sql } from '../db/sqlite';
import { eligibleSql } from './outbox-items';

export interface SyncCounts {
  /** Still to be sent (queued in a batch or not looked at yet and allowed to leave). */
  pending: number;
  /** The tracker has them (accepted or already there). */
  sent: number;
  /** Kept on this PC only: no consent for central reporting. */
  withheld: number;
  /** Same id with different content on the tracker: kept there for review. */
  conflict: number;
  /** Refused by the tracker for good, with a reason. */
  invalid: number;
}

export const readSyncCounts = async (sql: Sql): Promise<SyncCounts> => {
  const byState = await sql.all<{ state: string; n: number }>(
    'SELECT state, COUNT(*) AS n FROM sync_items GROUP BY state',
  );
  const count = (...states: string[]) =>
    byState.filter((row) => states.includes(row.state)).reduce((sum, row) => sum + row.n, 0);
  const unscanned = await sql.get<{ eligible: number | null; other: number | null }>(
    `SELECT SUM(${eligibleSql}) AS eligible, SUM(NOT ${eligibleSql}) AS other FROM outbox
     WHERE id > (SELECT COALESCE(MAX(outbox_id), 0) FROM sync_items)`,
  );
  return {
    pending: count('queued') + (unscanned?.eligible ?? 0),
    sent: count('accepted', 'duplicate'),
    withheld: count('withheld', 'superseded') + (unscanned?.other ?? 0),
    conflict: count('conflict'),
    invalid: count('invalid'),
  };
};

export interface SyncProblemRow {
  outboxId: number;
  state: 'conflict' | 'invalid';
  reason: string | null;
  entity: string;
  op: string;
  createdAt: string;
  answeredAt: string;
}

/** Items the tracker did not take as they are: conflicts to review and refusals with reasons. */
export const listSyncProblems = (sql: Sql, limit: number) =>
  sql.all<SyncProblemRow>(
    `SELECT s.outbox_id AS outboxId, s.state, s.reason, o.entity, o.op, o.created_at AS createdAt,
            s.updated_at AS answeredAt
     FROM sync_items s JOIN outbox o ON o.id = s.outbox_id
     WHERE s.state IN ('conflict', 'invalid') ORDER BY s.outbox_id DESC LIMIT ?`,
    [limit],
  );
