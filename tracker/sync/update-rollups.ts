import type { BatchContext } from './batch-context';
import type { PersonMonth } from './apply-attendance';
import { applyCountDeltas, countDeltas, dayOf, monthDays, type CountedRow } from './rollup-counts';

interface PersonRow extends CountedRow {
  person_id: string;
}

/**
 * Recomputes the reach rollups for the person-months a batch touched, from the attendance rows
 * (so a check-out correction un-reaches a month correctly), and moves the counts by the
 * difference. Runs inside the batch transaction, under the centre's lock, so rollups and counts
 * always match the facts.
 */
export const updateReachRollups = async (context: BatchContext, touched: PersonMonth[]): Promise<void> => {
  if (touched.length === 0) return;
  const params = [context.centreId, JSON.stringify(touched)];
  const removedMonths = await context.tx.query<PersonRow>(
    `DELETE FROM reach_person_month m
     USING jsonb_to_recordset($2::jsonb) AS k(person_id uuid, month date)
     WHERE m.centre_id = $1::uuid AND m.person_id = k.person_id AND m.month = k.month
     RETURNING m.person_id::text, ${monthDays('m.month')} AS month, m.person_type, m.age_band, m.sex`,
    params,
  );
  const addedMonths = await context.tx.query<PersonRow>(
    `INSERT INTO reach_person_month (centre_id, month, person_id, person_type, age_band, sex, sessions)
     SELECT $1::uuid, k.month, a.person_id,
       (array_agg(a.person_type ORDER BY a.session_date DESC, a.last_event_at DESC))[1],
       (array_agg(a.age_band ORDER BY a.session_date DESC, a.last_event_at DESC))[1],
       (array_agg(a.sex ORDER BY a.session_date DESC, a.last_event_at DESC))[1],
       count(*)::int
     FROM jsonb_to_recordset($2::jsonb) AS k(person_id uuid, month date)
     JOIN attendance a ON a.centre_id = $1::uuid AND a.person_id = k.person_id
       AND a.session_date >= k.month AND a.session_date < (k.month + interval '1 month')::date
     WHERE a.present
     GROUP BY k.month, a.person_id
     RETURNING person_id::text, ${monthDays('month')} AS month, person_type, age_band, sex`,
    params,
  );
  await applyCountDeltas(context.tx, context.centreId, 'month', countDeltas(removedMonths, addedMonths));
  await updateReachedPeople(context, [...new Set(touched.map((t) => t.person_id))]);
};

/**
 * One row per person reached: the first month they were reached and their latest bands. A
 * first month older than the retained months (its rows dropped by retention) is history and stays.
 */
export const updateReachedPeople = async (context: BatchContext, people: string[]): Promise<void> => {
  if (people.length === 0) return;
  const params = [context.centreId, JSON.stringify(people)];
  const removed = await context.tx.query<PersonRow>(
    `DELETE FROM reach_person
     WHERE centre_id = $1::uuid AND person_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))
     RETURNING person_id::text, ${monthDays('first_month')} AS month, person_type, age_band, sex`,
    params,
  );
  const recomputed = await context.tx.query<PersonRow>(
    `SELECT m.person_id::text, ${monthDays('min(m.month)')} AS month,
       (array_agg(m.person_type ORDER BY m.month DESC))[1] AS person_type,
       (array_agg(m.age_band ORDER BY m.month DESC))[1] AS age_band,
       (array_agg(m.sex ORDER BY m.month DESC))[1] AS sex
     FROM reach_person_month m
     WHERE m.centre_id = $1::uuid AND m.person_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))
     GROUP BY m.person_id`,
    params,
  );
  const keepFrom = context.keepFrom ? `${context.keepFrom}-01` : null;
  const added = new Map(recomputed.map((row) => [row.person_id, row]));
  for (const old of removed) {
    if (!keepFrom || dayOf(old.month) >= keepFrom) continue;
    added.set(old.person_id, { ...(added.get(old.person_id) ?? old), month: old.month });
  }
  const rows = [...added.values()];
  if (rows.length)
    await context.tx.query(
      `INSERT INTO reach_person (centre_id, person_id, first_month, person_type, age_band, sex)
       SELECT $1::uuid, r.person_id, r.month, r.person_type, r.age_band, r.sex
       FROM jsonb_to_recordset($2::jsonb) AS r(person_id uuid, month date, person_type text, age_band text, sex text)`,
      [context.centreId, JSON.stringify(rows.map((r) => ({ ...r, month: dayOf(r.month) })))],
    );
  await applyCountDeltas(context.tx, context.centreId, 'first', countDeltas(removed, rows));
};
