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

/** The count tables each kind of rollup row feeds, and the columns (besides the month) they keep. */
const countTables = {
  month: [{ table: 'reach_month_type_count', month: 'month', columns: ['person_type'] }],
  first: [
    { table: 'reach_first_sex_count', month: 'first_month', columns: ['person_type', 'sex'] },
    { table: 'reach_first_band_count', month: 'first_month', columns: ['person_type', 'age_band'] },
  ],
} as const;

type CountColumn = 'person_type' | 'sex' | 'age_band';

/**
 * Adds the deltas to the count tables of person-months (`month`: people reached in each month)
 * or of reached people (`first`: people by their first month), each summed to its own columns.
 */
export const applyCountDeltas = async (
  tx: Queryable,
  centreId: string,
  kind: keyof typeof countTables,
  deltas: ReturnType<typeof countDeltas>,
): Promise<void> => {
  for (const { table, month, columns } of countTables[kind]) {
    const cells = new Map<string, number>();
    for (const delta of deltas) {
      const key = JSON.stringify([delta.month, ...columns.map((column: CountColumn) => delta[column])]);
      cells.set(key, (cells.get(key) ?? 0) + delta.people);
    }
    const rows = [...cells.entries()]
      .filter(([, people]) => people !== 0)
      .map(([key, people]) => [...(JSON.parse(key) as string[]), people]);
    if (rows.length === 0) continue;
    const names = columns.join(', ');
    await tx.query(
      `INSERT INTO ${table} (centre_id, ${month}, ${names}, people)
       SELECT $1::uuid, (r->>0)::date, ${columns.map((_, i) => `r->>${i + 1}`).join(', ')}, (r->>${columns.length + 1})::int
       FROM jsonb_array_elements($2::jsonb) AS r
       ON CONFLICT (centre_id, ${month}, ${names})
       DO UPDATE SET people = ${table}.people + EXCLUDED.people`,
      [centreId, JSON.stringify(rows)],
    );
  }
};
