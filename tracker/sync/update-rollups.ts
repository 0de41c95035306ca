import type { BatchContext } from './batch-context';
import type { PersonMonth } from './apply-attendance';

/**
 * Recomputes the reach rollups for the person-months a batch touched, from the attendance rows
 * (so a check-out correction un-reaches a month correctly). Runs inside the batch transaction,
 * under the centre's lock, so the rollups always match the facts.
 */
export const updateReachRollups = async (context: BatchContext, touched: PersonMonth[]): Promise<void> => {
  if (touched.length === 0) return;
  const keys = JSON.stringify(touched);
  const people = JSON.stringify([...new Set(touched.map((t) => t.person_id))]);
  const params = [context.centreId, keys];
  await context.tx.query(
    `DELETE FROM reach_person_month m
     USING jsonb_to_recordset($2::jsonb) AS k(person_id uuid, month date)
     WHERE m.centre_id = $1::uuid AND m.person_id = k.person_id AND m.month = k.month`,
    params,
  );
  await context.tx.query(
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
     GROUP BY k.month, a.person_id`,
    params,
  );
  await context.tx.query(
    `DELETE FROM reach_person
     WHERE centre_id = $1::uuid AND person_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))`,
    [context.centreId, people],
  );
  await context.tx.query(
    `INSERT INTO reach_person (centre_id, person_id, first_month, person_type, age_band, sex)
     SELECT $1::uuid, m.person_id, min(m.month),
       (array_agg(m.person_type ORDER BY m.month DESC))[1],
       (array_agg(m.age_band ORDER BY m.month DESC))[1],
       (array_agg(m.sex ORDER BY m.month DESC))[1]
     FROM reach_person_month m
     WHERE m.centre_id = $1::uuid AND m.person_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))
     GROUP BY m.person_id`,
    [context.centreId, people],
  );
};
