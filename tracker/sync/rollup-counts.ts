import type { Queryable } from '../db/database';

/** A rollup row as it counts: its month (days since 2000-01-01) and the cell it falls in. */
export interface CountedRow {
  month: number;
  person_type: string;
  age_band: string;
  sex: string | null;
}

/**
 * RETURNING gives a month as days since 2000-01-01 (`month - date '2000-01-01'`): subtracting
 * dates is immutable, a date cast to text is not, and Citus refuses the latter in RETURNING.
 */
export const monthDays = (column: string) => `(${column} - date '2000-01-01')::int`;

export const dayOf = (days: number) =>
  new Date(Date.UTC(2000, 0, 1 + Number(days))).toISOString().slice(0, 10);

/** The change in each count cell when `removed` rows go and `added` rows come. */
export const countDeltas = (removed: CountedRow[], added: CountedRow[]) => {
  const deltas = new Map<string, number>();
  const add = (rows: CountedRow[], sign: number) => {
    for (const row of rows) {
      const key = JSON.stringify([dayOf(row.month), row.person_type, row.age_band, row.sex ?? 'unknown']);
      deltas.set(key, (deltas.get(key) ?? 0) + sign);
    }
  };
  add(removed, -1);
  add(added, 1);
  return [...deltas.entries()]
    .filter(([, delta]) => delta !== 0)
    .map(([key, people]) => {
      const [month, person_type, age_band, sex] = JSON.parse(key) as string[];
      return { month, person_type, age_band, sex, people };
    });
};

/** Adds the deltas to a count table (reach_month_count keyed by month, reach_first_count by first_month). */
export const applyCountDeltas = async (
  tx: Queryable,
  centreId: string,
  table: 'reach_month_count' | 'reach_first_count',
  deltas: ReturnType<typeof countDeltas>,
): Promise<void> => {
  if (deltas.length === 0) return;
  const month = table === 'reach_month_count' ? 'month' : 'first_month';
  await tx.query(
    `INSERT INTO ${table} (centre_id, ${month}, person_type, age_band, sex, people)
     SELECT $1::uuid, r.month, r.person_type, r.age_band, r.sex, r.people
     FROM jsonb_to_recordset($2::jsonb) AS r(month date, person_type text, age_band text, sex text, people integer)
     ON CONFLICT (centre_id, ${month}, person_type, age_band, sex)
     DO UPDATE SET people = ${table}.people + EXCLUDED.people`,
    [centreId, JSON.stringify(deltas)],
  );
};
