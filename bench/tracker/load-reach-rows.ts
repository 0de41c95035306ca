import type { Database } from '../../tracker/db/database';
import { createMonthPartitions } from '../../tracker/db/month-partitions';

export const benchCentres = 200;

/**
 * Each count table as a GROUP BY over the person rollups: what the sync's deltas add up to (the
 * bench checks it against counts the sync wrote itself).
 */
export const countDefinitions = {
  reach_month_type_count: { keys: 'month, person_type', of: 'reach_person_month', as: 'month, person_type' },
  reach_first_sex_count: {
    keys: 'first_month, person_type, sex',
    of: 'reach_person',
    as: "first_month, person_type, coalesce(sex, 'unknown')",
  },
  reach_first_band_count: {
    keys: 'first_month, person_type, age_band',
    of: 'reach_person',
    as: 'first_month, person_type, age_band',
  },
};

/** A count table's rows from its definition (`where` narrows the rollup rows read). */
export const countSelect = (table: keyof typeof countDefinitions, where = '') => {
  const { of, as } = countDefinitions[table];
  return `SELECT centre_id, ${as}, count(*)::int FROM ${of} ${where} GROUP BY centre_id, ${as}`;
};

/**
 * Loads `rows` attendance rows for 200 centres over 2025 with generate_series straight into the
 * monthly partitions (the by-person index built after the load, as a bulk load would), person
 * attributes varying within each centre so the count tables hold every combination, and people
 * first reached in every month (each attends ten months of the year, from a month of their own), then builds
 * the person rollups and the counts with the same definitions the sync keeps them by (GROUP BY
 * over the facts, as the rollup migrations backfill) and runs ANALYZE.
 */
export const loadReachRows = async (db: Database, rows: number): Promise<{ people: number }> => {
  const people = Math.max(1000, Math.round(rows / 10));
  const centres = benchCentres;
  await createMonthPartitions(
    db,
    Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`),
  );
  // Cheap deterministic UUIDs (hex of a number) keep generation fast; md5 per row was the bottleneck.
  const uuid = (prefix: string, n: string) =>
    `('${prefix}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
  const script = `
    INSERT INTO country (code, name) VALUES ('SV', 'El Salvador'), ('GT', 'Guatemala'), ('HN', 'Honduras'), ('CO', 'Colombia');
    INSERT INTO centre (id, code, country_code, name)
      SELECT ${uuid('0000000c', 'k')}, 'centro-' || k, (ARRAY['SV','GT','HN','CO'])[1 + k % 4], 'Centro ' || k
      FROM generate_series(0, ${centres - 1}) AS k;
    DROP INDEX attendance_by_person;
    INSERT INTO attendance (centre_id, session_date, attendance_id, session_id, person_id, person_type, age_band,
        sex, activity_type, present, last_event_at, last_event_id)
      SELECT ${uuid('0000000c', `p % ${centres}`)}, d, ${uuid('0000000a', 'i')},
        ${uuid('00000005', `(p % ${centres}) * 100000 + (d - date '2025-01-01')`)}, ${uuid('00000009', 'p')},
        CASE WHEN q % 10 < 7 THEN 'learner' WHEN q % 10 < 9 THEN 'caregiver' ELSE 'teacher' END,
        (ARRAY['8-11','12-14','15-17','25-34','35-44'])[1 + (q / 10) % 5],
        (ARRAY['female','male','other',NULL])[1 + (q / 50) % 4],
        (ARRAY['robotics-class','coding-class','digital-safety-family','teacher-training'])[1 + p % 4],
        true, now(), ${uuid('0000000e', 'i')}
      FROM (SELECT i, (i * 7919) % ${people} AS p, ((i * 7919) % ${people}) / ${centres} AS q, date '2025-01-06' + (((i / ${people}) + ((i * 7919) % ${people}) / 7) % 12 * 30 + ((i * 7919) % ${people}) % 24)::int AS d
            FROM generate_series(0::bigint, ${rows - 1}) AS i) g;
    CREATE INDEX attendance_by_person ON attendance (centre_id, person_id, session_date);
    INSERT INTO session (centre_id, session_id, session_date, activity_type, content_hash)
      SELECT DISTINCT ON (centre_id, session_id) centre_id, session_id, session_date, activity_type, 'bench'
      FROM attendance ORDER BY centre_id, session_id;
    INSERT INTO reach_person_month (centre_id, month, person_id, person_type, age_band, sex, sessions)
      SELECT centre_id, date_trunc('month', session_date)::date, person_id, max(person_type), max(age_band), max(sex), count(*)
      FROM attendance WHERE present GROUP BY 1, 2, 3;
    INSERT INTO reach_person (centre_id, person_id, first_month, person_type, age_band, sex)
      SELECT centre_id, person_id, min(month), max(person_type), max(age_band), max(sex)
      FROM reach_person_month GROUP BY 1, 2;
    ${Object.entries(countDefinitions)
      .map(
        ([table, { keys }]) =>
          `INSERT INTO ${table} (centre_id, ${keys}, people) ${countSelect(table as keyof typeof countDefinitions)};`,
      )
      .join('\n')}
    INSERT INTO session_month_count (centre_id, month, activity_type, sessions)
      SELECT centre_id, date_trunc('month', session_date)::date, activity_type, count(*)
      FROM session GROUP BY 1, 2, 3;
    ANALYZE;
  `;
  // One statement at a time: Citus runs each distributed statement on its own.
  for (const statement of script.split(/;\s*\n/).filter((text) => text.trim())) await db.exec(statement);
  return { people };
};
