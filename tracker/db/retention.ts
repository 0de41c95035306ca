import type { Database } from './database';
import {
  addMonths,
  createMonthPartitions,
  forgetKnownPartitions,
  listPartitions,
  monthOf,
  partitionName,
} from './month-partitions';

/** How many months before the current one the person-level facts are kept; null keeps all. */
export type RetentionMonths = number | null;

/** Months the tracker creates ahead of the current one, so the sync never waits on DDL. */
export const monthsAhead = 2;

/** Reads CHISPA_TRACKER_RETENTION_MONTHS: unset or empty keeps everything. */
export const retentionFromEnv = (value: string | undefined): RetentionMonths => {
  if (value === undefined || value.trim() === '') return null;
  const months = Number(value);
  if (!Number.isInteger(months) || months < 1)
    throw new Error('CHISPA_TRACKER_RETENTION_MONTHS must be a whole number of months, 1 or more');
  return months;
};

/** The first month kept ('YYYY-MM'), or null when everything is kept. */
export const firstKeptMonth = (retention: RetentionMonths, now: Date): string | null =>
  retention === null ? null : addMonths(monthOf(now), -retention);

/**
 * Creates the partitions of the current month and the next ones, and detaches and drops every
 * month before the first kept one (attendance events, attendance rows, person-month rollups)
 * and deletes the lesson steps of those months.
 * The counts (no person id) stay, so past reach is still reported. Returns the dropped months.
 */
export const maintainPartitions = async (
  db: Database,
  retention: RetentionMonths,
  now = new Date(),
): Promise<string[]> => {
  const current = monthOf(now);
  await createMonthPartitions(
    db,
    Array.from({ length: monthsAhead + 1 }, (_, i) => addMonths(current, i)),
  );
  const keepFrom = firstKeptMonth(retention, now);
  if (keepFrom === null) return [];
  const old = (await listPartitions(db)).filter((p) => p.month < keepFrom);
  const months = [...new Set(old.map((p) => p.month))].sort();
  for (const month of months)
    await db.transaction(async (tx) => {
      for (const { table } of old.filter((p) => p.month === month)) {
        await tx.exec(`ALTER TABLE ${table} DETACH PARTITION ${partitionName(table, month)}`);
        await tx.exec(`DROP TABLE ${partitionName(table, month)}`);
      }
    });
  forgetKnownPartitions(db);
  // Lesson steps carry a person id too (not partitioned: a few rows per child); their counts stay.
  await db.query(`DELETE FROM lesson_step WHERE done_month < $1::date`, [`${keepFrom}-01`]);
  return months;
};
