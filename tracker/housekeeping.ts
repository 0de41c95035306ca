import type { Database } from './db/database';
import { reapIdempotencyKeys } from './sync/sync-batch';

/** Old idempotency answers, old sign-in tries and expired staff sessions are removed. */
export const housekeeping = async (db: Database): Promise<void> => {
  await reapIdempotencyKeys(db);
  await db.query(`DELETE FROM auth_attempt WHERE at < now() - interval '1 day'`);
  await db.query('DELETE FROM staff_session WHERE expires_at < now()');
};
