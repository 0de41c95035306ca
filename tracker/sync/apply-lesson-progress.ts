/**
 * Lesson progress items (docs/tracker.md, "Lesson progress"): each step once per (centre, event
 * id), and the month's counts of steps and completed lessons raised in the same transaction.
 * The stored hash covers who, which lesson and which step only, so the same child's step sent by
 * a second PC on another day is a duplicate, not a conflict.
 */
import type { LessonProgressItem } from '../../common/sync/sync-items';
import { answerInserted, firstOfEachKey, type BatchContext, type Keyed } from './batch-context';
import { dayOf, monthDays } from './rollup-counts';
import { contentHash } from './validate-item';

const personOf = (item: LessonProgressItem) => item.payload.personId;

export const lessonStepHash = (item: LessonProgressItem): string =>
  contentHash({
    eventId: item.payload.eventId.toLowerCase(),
    personId: item.payload.personId?.toLowerCase() ?? null,
    lessonId: item.payload.lessonId,
    step: item.payload.step,
  });

interface CountedStep {
  month: number;
  lesson_done: boolean;
}

/** Adds (sign 1) or removes (sign -1) steps from the month counts. */
const applyMonthCounts = async (context: BatchContext, rows: CountedStep[], sign: 1 | -1) => {
  const months = new Map<string, { steps: number; lessons: number }>();
  for (const row of rows) {
    const month = dayOf(row.month);
    const cell = months.get(month) ?? { steps: 0, lessons: 0 };
    cell.steps += sign;
    if (row.lesson_done) cell.lessons += sign;
    months.set(month, cell);
  }
  if (months.size === 0) return;
  await context.tx.query(
    `INSERT INTO lesson_month_count (centre_id, month, steps, lessons)
     SELECT $1::uuid, r.month, r.steps, r.lessons
     FROM jsonb_to_recordset($2::jsonb) AS r(month date, steps int, lessons int)
     ON CONFLICT (centre_id, month) DO UPDATE SET
       steps = lesson_month_count.steps + EXCLUDED.steps,
       lessons = lesson_month_count.lessons + EXCLUDED.lessons`,
    [context.centreId, JSON.stringify([...months].map(([month, cell]) => ({ month, ...cell })))],
  );
};

export const applyLessonProgressItems = async (
  context: BatchContext,
  entries: Keyed<LessonProgressItem>[],
): Promise<void> => {
  if (entries.length === 0) return;
  const first = await firstOfEachKey(context, 'lesson-progress', entries, personOf);
  const inserted = await context.tx.query<CountedStep & { event_id: string }>(
    `INSERT INTO lesson_step (centre_id, event_id, person_id, lesson_id, step, lesson_done, done_month, content_hash, device_id)
     SELECT $1::uuid, r.event_id, r.person_id, r.lesson_id, r.step, r.lesson_done,
       date_trunc('month', r.done_on)::date, r.content_hash, $2::uuid
     FROM jsonb_to_recordset($3::jsonb) AS r(event_id uuid, person_id uuid, lesson_id text, step int,
       lesson_done boolean, done_on date, content_hash text)
     ON CONFLICT (centre_id, event_id) DO NOTHING
     RETURNING event_id::text, ${monthDays('done_month')} AS month, lesson_done`,
    [
      context.centreId,
      context.deviceId,
      JSON.stringify(
        first.map(({ item: { payload: p }, hash }) => ({
          event_id: p.eventId,
          person_id: p.personId,
          lesson_id: p.lessonId,
          step: p.step,
          lesson_done: p.lessonDone,
          done_on: p.date,
          content_hash: hash,
        })),
      ),
    ],
  );
  await applyMonthCounts(context, inserted, 1);
  await answerInserted(
    context,
    'lesson-progress',
    first,
    new Set(inserted.map((row) => row.event_id)),
    async (keys) =>
      new Map(
        (
          await context.tx.query<{ event_id: string; content_hash: string }>(
            `SELECT event_id::text, content_hash FROM lesson_step
             WHERE centre_id = $1::uuid AND event_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))`,
            [context.centreId, JSON.stringify(keys)],
          )
        ).map((row) => [row.event_id, row.content_hash]),
      ),
    personOf,
  );
};

/** Erasure or consent withdrawal: the person's steps go, and the month counts drop them. */
export const forgetLessonProgress = async (context: BatchContext, personIds: string[]): Promise<void> => {
  if (personIds.length === 0) return;
  const removed = await context.tx.query<CountedStep>(
    `DELETE FROM lesson_step WHERE centre_id = $1::uuid
     AND person_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))
     RETURNING ${monthDays('done_month')} AS month, lesson_done`,
    [context.centreId, JSON.stringify([...new Set(personIds)])],
  );
  await applyMonthCounts(context, removed, -1);
};
