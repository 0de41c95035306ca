/**
 * Merging duplicates (main/attendance/person-merge.ts) erases the duplicate, and its lesson steps
 * with it (ON DELETE CASCADE; the tracker drops them on the erase tombstone). Before that, each
 * step the duplicate passed and the kept person did not becomes the kept person's own step: a new
 * event id from (kept person, lesson, step), so a PC that syncs the same merge twice still counts
 * it once, and an outbox row carrying the kept person's consent.
 *
 * A lesson the duplicate finished and the kept person had not is finished by the last step moved
 * (the kept person lacked at least one of its steps, or would have finished it too). A lesson that
 * only the two together complete is not marked finished: the lesson's step count is not known here.
 */
import type { Sql } from '../db/sqlite';
import { progressEventIdFor, writeStepOutbox } from './progress-repo';

interface StepRow {
  lesson_id: string;
  step: number;
  lesson_done: number;
  completed_at: string;
  completed_on: string;
}

/** Inside the merge's write transaction. Returns how many steps moved. */
export const moveLessonSteps = async (
  tx: Sql,
  duplicateId: string,
  keepId: string,
  at: string,
): Promise<number> => {
  const steps = (personId: string) =>
    tx.all<StepRow>(
      `SELECT lesson_id, step, lesson_done, completed_at, completed_on FROM lesson_progress
       WHERE person_id = ? ORDER BY lesson_id, completed_at, step`,
      [personId],
    );
  const kept = await steps(keepId);
  const has = new Set(kept.map((row) => `${row.lesson_id}\u0000${row.step}`));
  const keptDone = new Set(kept.filter((row) => row.lesson_done).map((row) => row.lesson_id));
  const duplicate = await steps(duplicateId);
  const duplicateDone = new Set(duplicate.filter((row) => row.lesson_done).map((row) => row.lesson_id));
  const moving = duplicate.filter((row) => !has.has(`${row.lesson_id}\u0000${row.step}`));
  for (const [index, row] of moving.entries()) {
    const lastOfLesson = moving[index + 1]?.lesson_id !== row.lesson_id;
    const lessonDone = lastOfLesson && duplicateDone.has(row.lesson_id) && !keptDone.has(row.lesson_id);
    const eventId = progressEventIdFor(keepId, row.lesson_id, row.step);
    await tx.run(
      `INSERT INTO lesson_progress (id, learner, person_id, lesson_id, step, lesson_done, completed_at, completed_on)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        eventId,
        keepId,
        keepId,
        row.lesson_id,
        row.step,
        lessonDone ? 1 : 0,
        row.completed_at,
        row.completed_on,
      ],
    );
    const payload = { personId: keepId, lessonId: row.lesson_id, step: row.step, lessonDone };
    await writeStepOutbox(tx, { eventId, ...payload, date: row.completed_on }, at);
  }
  return moving.length;
};
