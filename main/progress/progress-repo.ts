/**
 * Lesson progress in the attendance database (migration 006). A passed step is recorded once per
 * learner, lesson and step (INSERT … ON CONFLICT DO NOTHING), with its outbox row in the same
 * transaction. The outbox payload carries the person's pseudonymous id only: never a name, a
 * birth year, an age band or a sex.
 */
import { randomUUID } from 'node:crypto';
import type { ConsentScope, ConsentState } from '../../common/ipc/contract-attendance';
import type { ProgressReport } from '../../common/ipc/contract-progress';
import type { Sql } from '../db/sqlite';
import { uuidV5 } from '../attendance/attendance-id';
import { activeConsentScopes, loadPerson } from '../attendance/person-repo';
import { readCentre } from '../attendance/settings-repo';

/** Fixed namespace for lesson progress event ids (chosen once; never change it). */
const progressNamespace = '3b8e51d4-27c6-4f0a-b9e2-5d71c0a4e8f3';

/** The same learner, lesson and step give the same event id on every PC (one row at the tracker). */
export const progressEventIdFor = (learner: string, lessonId: string, step: number): string =>
  uuidV5(`${learner}\u0000${lessonId}\u0000${step}`, progressNamespace);

export interface LessonProgressPayload {
  eventId: string;
  personId: string | null;
  centre: string;
  lessonId: string;
  step: number;
  lessonDone: boolean;
  date: string;
  consentState: ConsentState;
  consentScopes: ConsentScope[];
}

export interface PassedStep {
  /** A person id, or 'anon:<run id>' for "anónimo". */
  learner: string;
  personId: string | null;
  lessonId: string;
  step: number;
  stepCount: number;
  /** The PC's local date (YYYY-MM-DD). */
  date: string;
}

/** The step's row for the sync outbox, with the person's consent as it stands now. */
export const writeStepOutbox = async (
  tx: Sql,
  step: Pick<LessonProgressPayload, 'eventId' | 'personId' | 'lessonId' | 'step' | 'lessonDone' | 'date'>,
  at: string,
): Promise<void> => {
  const person = step.personId ? await loadPerson(tx, step.personId) : null;
  const payload: LessonProgressPayload = {
    ...step,
    centre: await readCentre(tx),
    consentState: person ? person.consentState : 'not-required',
    consentScopes: person ? activeConsentScopes(person) : [],
  };
  await tx.run('INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES (?, ?, ?, ?, ?)', [
    'lesson-progress',
    step.eventId,
    'step-done',
    JSON.stringify(payload),
    at,
  ]);
};

/** Inside a write transaction. Returns false when this learner already had the step. */
export const recordPassedStep = async (tx: Sql, passed: PassedStep, at: string): Promise<boolean> => {
  const eventId = progressEventIdFor(passed.learner, passed.lessonId, passed.step);
  const inserted = await tx.run(
    `INSERT INTO lesson_progress (id, learner, person_id, lesson_id, step, lesson_done, completed_at, completed_on)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT DO NOTHING`,
    [eventId, passed.learner, passed.personId, passed.lessonId, passed.step, at, passed.date],
  );
  if (inserted.changes === 0) return false;
  const done = await tx.get<{ steps: number }>(
    `SELECT count(*) AS steps FROM lesson_progress WHERE learner = ? AND lesson_id = ? AND step < ?`,
    [passed.learner, passed.lessonId, passed.stepCount],
  );
  const lessonDone = (done?.steps ?? 0) >= passed.stepCount;
  if (lessonDone) await tx.run('UPDATE lesson_progress SET lesson_done = 1 WHERE id = ?', [eventId]);
  await writeStepOutbox(
    tx,
    {
      eventId,
      personId: passed.personId,
      lessonId: passed.lessonId,
      step: passed.step,
      lessonDone,
      date: passed.date,
    },
    at,
  );
  return true;
};

/** Learners checked in (present now) to a session on `date`, by name. */
export const learnersCheckedIn = (sql: Sql, date: string) =>
  sql.all<{ personId: string; displayName: string }>(
    `SELECT DISTINCT p.id AS personId, p.display_name AS displayName
     FROM sessions s JOIN attendance a ON a.session_id = s.id JOIN people p ON p.id = a.person_id
     WHERE s.date = ? AND p.type = 'learner' AND p.deleted_at IS NULL
       AND (SELECT kind FROM attendance_events WHERE attendance_id = a.id ORDER BY seq DESC LIMIT 1) = 'check-in'
     ORDER BY p.search_key, p.id`,
    [date],
  );

/** A fresh anonymous run: "anónimo" children are told apart by run, never by person. */
export const anonymousLearner = (): string => `anon:${randomUUID()}`;

/** Progress per child (named), the anonymous totals, and per lesson. */
export const progressReport = async (sql: Sql): Promise<ProgressReport> => {
  const rows = await sql.all<{
    learner: string;
    person_id: string | null;
    display_name: string | null;
    lesson_id: string;
    steps: number;
    done: number;
  }>(
    `SELECT lp.learner, lp.person_id, p.display_name, lp.lesson_id, count(*) AS steps, max(lp.lesson_done) AS done
     FROM lesson_progress lp LEFT JOIN people p ON p.id = lp.person_id
     GROUP BY lp.learner, lp.lesson_id ORDER BY p.search_key, lp.learner, lp.lesson_id`,
  );
  const children = new Map<string, ProgressReport['children'][number]>();
  const anonymous = { stepsDone: 0, lessonsDone: 0 };
  const lessons = new Map<string, ProgressReport['lessons'][number]>();
  for (const row of rows) {
    const lesson = lessons.get(row.lesson_id) ?? {
      lessonId: row.lesson_id,
      childrenDone: 0,
      childrenStarted: 0,
      stepsDone: 0,
    };
    lesson.childrenStarted++;
    lesson.childrenDone += row.done;
    lesson.stepsDone += row.steps;
    lessons.set(row.lesson_id, lesson);
    if (row.person_id === null) {
      anonymous.stepsDone += row.steps;
      anonymous.lessonsDone += row.done;
      continue;
    }
    const child = children.get(row.person_id) ?? {
      personId: row.person_id,
      displayName: row.display_name ?? '',
      stepsDone: 0,
      lessonsDone: 0,
      lessons: [],
    };
    child.stepsDone += row.steps;
    child.lessonsDone += row.done;
    child.lessons.push({ lessonId: row.lesson_id, stepsDone: row.steps, done: row.done === 1 });
    children.set(row.person_id, child);
  }
  return {
    children: [...children.values()],
    anonymous,
    lessons: [...lessons.values()].sort((a, b) => a.lessonId.localeCompare(b.lessonId)),
  };
};
