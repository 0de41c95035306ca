import type { AttendanceItem } from '../../common/sync/sync-items';
import { answerInserted, firstOfEachKey, type BatchContext, type Keyed } from './batch-context';
import { ensureSessions, sessionRow } from './apply-sessions';

export interface PersonMonth {
  person_id: string;
  month: string;
}

const later = (a: AttendanceItem['payload'], b: AttendanceItem['payload']): boolean =>
  a.at === b.at ? a.eventId.toLowerCase() > b.eventId.toLowerCase() : Date.parse(a.at) > Date.parse(b.at);

/**
 * Check-in / check-out events: each stored once by (centre, date, event id); the attendance row
 * of (centre, session, person) then takes the latest event, so two devices checking in the same
 * child for the same session make one row. Returns the person-months whose reach may change.
 */
export const applyAttendanceItems = async (
  context: BatchContext,
  entries: Keyed<AttendanceItem>[],
): Promise<PersonMonth[]> => {
  const personOf = (item: AttendanceItem) => item.payload.personId;
  const first = await firstOfEachKey(context, 'attendance', entries, personOf);
  if (first.length === 0) return [];
  const inserted = await context.tx.query<{ event_id: string }>(
    `INSERT INTO attendance_event
       (centre_id, session_date, event_id, attendance_id, person_id, present, at, content_hash, device_id)
     SELECT $1::uuid, r.session_date, r.event_id, r.attendance_id, r.person_id, r.present, r.at, r.content_hash, $2::uuid
     FROM jsonb_to_recordset($3::jsonb) AS r(session_date date, event_id uuid, attendance_id uuid,
       person_id uuid, present boolean, at timestamptz, content_hash text)
     ON CONFLICT (centre_id, session_date, event_id) DO NOTHING
     RETURNING event_id::text`,
    [
      context.centreId,
      context.deviceId,
      JSON.stringify(
        first.map(({ item: { payload: p }, hash }) => ({
          session_date: p.sessionDate,
          event_id: p.eventId,
          attendance_id: p.attendanceId,
          person_id: p.personId,
          present: p.present,
          at: p.at,
          content_hash: hash,
        })),
      ),
    ],
  );
  const insertedKeys = new Set(inserted.map((r) => r.event_id));
  await answerInserted(
    context,
    'attendance',
    first,
    insertedKeys,
    async (keys) =>
      new Map(
        (
          await context.tx.query<{ event_id: string; content_hash: string }>(
            `SELECT event_id::text, content_hash FROM attendance_event
             WHERE centre_id = $1::uuid AND event_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))`,
            [context.centreId, JSON.stringify(keys)],
          )
        ).map((r) => [r.event_id, r.content_hash]),
      ),
    personOf,
  );

  const accepted = first.filter((e) => insertedKeys.has(e.key)).map((e) => e.item.payload);
  if (accepted.length === 0) return [];
  const latest = new Map<string, AttendanceItem['payload']>();
  for (const p of accepted) {
    const seen = latest.get(p.attendanceId);
    if (!seen || later(p, seen)) latest.set(p.attendanceId, p);
  }
  await ensureSessions(
    context,
    [...new Map(accepted.map((p) => [p.sessionId, p])).values()].map((p) =>
      sessionRow(p.sessionId, p.centre, p.sessionDate, p.activityType),
    ),
  );
  await context.tx.query(
    `INSERT INTO attendance (centre_id, session_date, attendance_id, session_id, person_id, person_type,
       age_band, sex, activity_type, present, last_event_at, last_event_id)
     SELECT $1::uuid, r.session_date, r.attendance_id, r.session_id, r.person_id, r.person_type, r.age_band,
       r.sex, r.activity_type, r.present, r.at, r.event_id
     FROM jsonb_to_recordset($2::jsonb) AS r(session_date date, attendance_id uuid, session_id uuid,
       person_id uuid, person_type text, age_band text, sex text, activity_type text, present boolean,
       at timestamptz, event_id uuid)
     ON CONFLICT (centre_id, session_date, attendance_id) DO UPDATE SET
       present = EXCLUDED.present, last_event_at = EXCLUDED.last_event_at,
       last_event_id = EXCLUDED.last_event_id, person_type = EXCLUDED.person_type,
       age_band = EXCLUDED.age_band, sex = EXCLUDED.sex, activity_type = EXCLUDED.activity_type
     WHERE (EXCLUDED.last_event_at, EXCLUDED.last_event_id) > (attendance.last_event_at, attendance.last_event_id)`,
    [
      context.centreId,
      JSON.stringify(
        [...latest.values()].map((p) => ({
          session_date: p.sessionDate,
          attendance_id: p.attendanceId,
          session_id: p.sessionId,
          person_id: p.personId,
          person_type: p.personType,
          age_band: p.ageBand,
          sex: p.sex,
          activity_type: p.activityType,
          present: p.present,
          at: p.at,
          event_id: p.eventId.toLowerCase(),
        })),
      ),
    ],
  );
  return [
    ...new Map(
      accepted.map((p) => {
        const month = `${p.sessionDate.slice(0, 7)}-01`;
        return [`${p.personId}|${month}`, { person_id: p.personId, month }];
      }),
    ).values(),
  ];
};
