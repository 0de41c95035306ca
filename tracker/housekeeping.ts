import type { Database } from './db/database';
import { maintainPartitions, type RetentionMonths } from './db/retention';
import { reapIdempotencyKeys } from './sync/sync-batch';

/**
 * Months ahead get their partitions and months past the retention period are dropped; old
 * idempotency answers, old sign-in tries and expired staff sessions are removed.
 */
export const housekeeping = async (db: Database, retention: RetentionMonths): Promise<void> => {
  await maintainPartitions(db, retention);
  await reapIdempotencyKeys(db);
  await db.query(`DELETE FROM auth_attempt WHERE at < now() - interval '1 day'`);
  await db.query('DELETE FROM staff_session WHERE expires_at < now()');
};
