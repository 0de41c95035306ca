/**
 * Fixing a session typed wrong: edit it, or delete it while nobody was ever checked in. Both are
 * audited. Once attendance is recorded its date and activity are part of those rows (and of what
 * the sync outbox already holds), so only the time, lessons and facilitator may change then; a
 * session with attendance rows (even corrected ones: the events are append-only) is never deleted.
 * A session reaches the sync outbox with its first attendance row (checkin-service.ts), so an
 * edited or deleted empty session leaves nothing stale for the tracker.
 */
import type { Session, SessionInput } from '../../common/ipc/contract-attendance';
import type { Sql } from '../db/sqlite';
import type { Actor } from './actor';
import type { AttendanceStore } from './attendance-store';
import { writeAudit } from './audit-repo';
import { requireSession } from './checkin-service';
import { attendanceError } from './errors';

export type SessionPatch = Partial<SessionInput> & { id: string };

const attendanceRows = async (tx: Sql, sessionId: string): Promise<number> =>
  (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM attendance WHERE session_id = ?', [sessionId]))
    ?.n ?? 0;

const changedFields = (before: Session, after: Required<SessionInput>): string[] =>
  (
    [
      ['date', before.date !== after.date],
      ['startTime', before.startTime !== after.startTime],
      ['activityType', before.activityType !== after.activityType],
      ['lessons', JSON.stringify(before.lessons) !== JSON.stringify(after.lessons)],
      ['facilitator', before.facilitator !== after.facilitator],
    ] as const
  )
    .filter(([, changed]) => changed)
    .map(([name]) => name);

export const createSessionEdit = (store: AttendanceStore) => ({
  update: (patch: SessionPatch, actor: Actor): Promise<Session> =>
    store.db().write(async (tx) => {
      const before = await requireSession(tx, patch.id);
      const after: Required<SessionInput> = {
        date: patch.date ?? before.date,
        startTime: patch.startTime ?? before.startTime,
        activityType: patch.activityType ?? before.activityType,
        lessons: patch.lessons ?? before.lessons,
        facilitator: patch.facilitator ?? before.facilitator,
      };
      const changed = changedFields(before, after);
      if (changed.length === 0) return before;
      if (
        (changed.includes('date') || changed.includes('activityType')) &&
        (await attendanceRows(tx, before.id)) > 0
      )
        throw attendanceError('session-has-attendance-fields');
      await tx.run(
        `UPDATE sessions SET date = ?, start_time = ?, activity_type = ?, lessons = ?, facilitator = ?
         WHERE id = ?`,
        [
          after.date,
          after.startTime,
          after.activityType,
          JSON.stringify(after.lessons),
          after.facilitator,
          before.id,
        ],
      );
      const at = new Date().toISOString();
      await writeAudit(
        tx,
        actor,
        { action: 'session-edit', detail: `${before.id} ${changed.join(',')}` },
        at,
      );
      return requireSession(tx, before.id);
    }),

  remove: (id: string, actor: Actor): Promise<{ id: string; deleted: true }> =>
    store.db().write(async (tx) => {
      const session = await requireSession(tx, id);
      if ((await attendanceRows(tx, id)) > 0) throw attendanceError('session-has-attendance');
      await tx.run('DELETE FROM sessions WHERE id = ?', [id]);
      await writeAudit(
        tx,
        actor,
        { action: 'session-delete', detail: `${session.id} ${session.date} ${session.activityType}` },
        new Date().toISOString(),
      );
      return { id, deleted: true as const };
    }),
});
