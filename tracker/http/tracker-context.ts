import type { Database } from '../db/database';
import type { RetentionMonths } from '../db/retention';

/** What every route needs: the database and the admin token (from the environment). */
export interface TrackerContext {
  db: Database;
  adminToken: string;
  /** Months of person-level facts kept (CHISPA_TRACKER_RETENTION_MONTHS); null or absent keeps all. */
  retention?: RetentionMonths;
}
