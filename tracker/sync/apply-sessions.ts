import type { SessionItem } from '../../common/sync/sync-items';
import { answerInserted, firstOfEachKey, type BatchContext, type Keyed } from './batch-context';
import { dayOf, monthDays } from './rollup-counts';
import { contentHash } from './validate-item';

export interface SessionRow {
  session_id: string;
  session_date: string;
  activity_type: string;
  content_hash: string;
}

/** A session's identity is its payload: the same hash whether it came alone or with a check-in. */
export const sessionRow = (id: string, centre: string, date: string, activityType: string): SessionRow => ({
  session_id: id,
  session_date: date,
  activity_type: activityType,
  content_hash: contentHash({ id, centre, date, activityType }),
});

const insertSessions = async (context: BatchContext, rows: SessionRow[]): Promise<Set<string>> => {
  if (rows.length === 0) return new Set();
  const inserted = await context.tx.query<{ session_id: string; month: number; activity_type: string }>(
    `INSERT INTO session (centre_id, session_id, session_date, activity_type, content_hash)
     SELECT $1::uuid, r.session_id, r.session_date, r.activity_type, r.content_hash
     FROM jsonb_to_recordset($2::jsonb) AS r(session_id uuid, session_date date, activity_type text, content_hash text)
     ON CONFLICT (centre_id, session_id) DO NOTHING
     RETURNING session_id::text, ${monthDays("date_trunc('month', session_date)::date")} AS month, activity_type`,
    [context.centreId, JSON.stringify(rows)],
  );
  if (inserted.length)
    await context.tx.query(
      `INSERT INTO session_month_count (centre_id, month, activity_type, sessions)
       SELECT $1::uuid, r.month, r.activity_type, count(*)
       FROM jsonb_to_recordset($2::jsonb) AS r(month date, activity_type text)
       GROUP BY r.month, r.activity_type
       ON CONFLICT (centre_id, month, activity_type)
       DO UPDATE SET sessions = session_month_count.sessions + EXCLUDED.sessions`,
      [context.centreId, JSON.stringify(inserted.map((r) => ({ ...r, month: dayOf(r.month) })))],
    );
  return new Set(inserted.map((r) => r.session_id));
};

/** Session items: stored once per (centre, session id). */
export const applySessionItems = async (context: BatchContext, entries: Keyed<SessionItem>[]) => {
  const byPayload = entries.map((e) => ({
    ...e,
    hash: sessionRow(
      e.item.payload.id,
      e.item.payload.centre,
      e.item.payload.date,
      e.item.payload.activityType,
    ).content_hash,
  }));
  const first = await firstOfEachKey(context, 'session', byPayload, () => null);
  const rows = new Map(first.map((e) => [e.key, e.item.payload]));
  const inserted = await insertSessions(
    context,
    [...rows.values()].map((p) => sessionRow(p.id, p.centre, p.date, p.activityType)),
  );
  await answerInserted(
    context,
    'session',
    first,
    inserted,
    async (keys) =>
      new Map(
        (
          await context.tx.query<{ session_id: string; content_hash: string }>(
            `SELECT session_id::text, content_hash FROM session
             WHERE centre_id = $1::uuid AND session_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))`,
            [context.centreId, JSON.stringify(keys)],
          )
        ).map((r) => [r.session_id, r.content_hash]),
      ),
    () => null,
  );
};

/** Sessions named by check-ins but not (yet) sent on their own. */
export const ensureSessions = (context: BatchContext, rows: SessionRow[]) => insertSessions(context, rows);
