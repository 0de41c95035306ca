import type { Queryable } from './database';
import { monthPartitionedTables } from './table-roles';

export type PartitionedTable = keyof typeof monthPartitionedTables;
const tables = Object.keys(monthPartitionedTables) as PartitionedTable[];

/** 'YYYY-MM' of a date string or Date (UTC). */
export const monthOf = (date: string | Date): string =>
  (typeof date === 'string' ? date : date.toISOString()).slice(0, 7);

export const addMonths = (month: string, count: number): string => {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1 + count, 1)).toISOString().slice(0, 7);
};

export const partitionName = (table: PartitionedTable, month: string) =>
  `${table}_m${month.replace('-', '')}`;

const isMonth = (month: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(month);

/** Every monthly partition of the partitioned tables. */
export const listPartitions = async (
  db: Queryable,
): Promise<{ table: PartitionedTable; month: string }[]> => {
  const rows = await db.query<{ parent: string; child: string }>(
    `SELECT p.relname AS parent, c.relname AS child
     FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_class c ON c.oid = i.inhrelid
     WHERE p.relname = ANY($1::text[]) AND p.relnamespace = 'public'::regnamespace`,
    [tables],
  );
  return rows.flatMap(({ parent, child }) => {
    const match = /_m(\d{4})(\d{2})$/.exec(child);
    const month = match ? `${match[1]}-${match[2]}` : '';
    const table = parent as PartitionedTable;
    return match && child === partitionName(table, month) ? [{ table, month }] : [];
  });
};

/** The months that have a partition in every partitioned table ('YYYY-MM', sorted). */
export const listPartitionMonths = async (db: Queryable): Promise<string[]> => {
  const counts = new Map<string, number>();
  for (const { month } of await listPartitions(db)) counts.set(month, (counts.get(month) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([, count]) => count === tables.length)
    .map(([month]) => month)
    .sort();
};

/**
 * Creates the month's partition in every partitioned table where it is missing. DDL: run it
 * outside the sync's transactions (it locks the parent table for a moment).
 */
export const createMonthPartitions = async (db: Queryable, months: Iterable<string>): Promise<void> => {
  for (const month of new Set(months)) {
    if (!isMonth(month)) throw new Error(`not a month: ${month}`);
    const from = `${month}-01`;
    const to = `${addMonths(month, 1)}-01`;
    for (const table of tables)
      await db.query(
        `CREATE TABLE IF NOT EXISTS ${partitionName(table, month)} PARTITION OF ${table}
         FOR VALUES FROM ('${from}') TO ('${to}')`,
      );
  }
};

const known = new WeakMap<Queryable, Set<string>>();

/**
 * Makes sure the months have their partitions, asking the database only for a month this
 * process has not seen yet. Two trackers racing to create one month both end up with it.
 */
export const ensureMonthPartitions = async (db: Queryable, months: Iterable<string>): Promise<void> => {
  const seen = known.get(db) ?? new Set<string>();
  known.set(db, seen);
  const wanted = [...new Set(months)].filter((month) => !seen.has(month));
  if (wanted.length === 0) return;
  let existing = new Set(await listPartitionMonths(db));
  const missing = wanted.filter((month) => !existing.has(month));
  if (missing.length) {
    try {
      await createMonthPartitions(db, missing);
    } catch (error) {
      existing = new Set(await listPartitionMonths(db));
      if (missing.some((month) => !existing.has(month))) throw error;
    }
  }
  for (const month of wanted) seen.add(month);
};

/** After a failed insert or a dropped month: ask the database again next time. */
export const forgetKnownPartitions = (db: Queryable) => known.delete(db);
