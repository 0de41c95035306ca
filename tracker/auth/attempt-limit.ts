import type { Queryable } from '../db/database';

export interface AttemptLimit {
  scope: 'enrol' | 'login';
  /** Failed tries allowed per client within the window. */
  perClient: number;
  /** Failed tries allowed from all clients together within the window (slows distributed guessing). */
  overall: number;
  windowSeconds: number;
}

export const enrolLimit: AttemptLimit = {
  scope: 'enrol',
  perClient: 5,
  overall: 100,
  windowSeconds: 15 * 60,
};
export const loginLimit: AttemptLimit = {
  scope: 'login',
  perClient: 5,
  overall: 200,
  windowSeconds: 15 * 60,
};

/** Seconds to wait before trying again, or 0 when a try is allowed now. Kept in the database. */
export const retryAfterSeconds = async (
  db: Queryable,
  limit: AttemptLimit,
  client: string,
): Promise<number> => {
  const [row] = await db.query<{ mine: number; overall: number }>(
    `SELECT count(*) FILTER (WHERE client = $2)::int AS mine, count(*)::int AS overall
     FROM auth_attempt
     WHERE scope = $1 AND NOT succeeded AND at > now() - make_interval(secs => $3)`,
    [limit.scope, client, limit.windowSeconds],
  );
  return row.mine >= limit.perClient || row.overall >= limit.overall ? limit.windowSeconds : 0;
};

export const recordAttempt = async (
  db: Queryable,
  limit: AttemptLimit,
  client: string,
  succeeded: boolean,
): Promise<void> => {
  await db.query('INSERT INTO auth_attempt (scope, client, succeeded) VALUES ($1, $2, $3)', [
    limit.scope,
    client,
    succeeded,
  ]);
};
