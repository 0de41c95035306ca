import type { Database } from './database';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

/**
 * `postgres://…` or `postgresql://…` opens a PostgreSQL server; anything else is a PGlite data
 * folder (created if missing); 'memory://' keeps PGlite in memory (tests).
 */
export const openDatabase = (location: string): Promise<Database> =>
  /^postgres(ql)?:\/\//.test(location)
    ? openPostgresDatabase(location)
    : openPgliteDatabase(location === 'memory://' ? undefined : location);
