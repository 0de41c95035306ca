import type { Database } from '../db/database';

/** What every route needs: the database and the admin token (from the environment). */
export interface TrackerContext {
  db: Database;
  adminToken: string;
}
