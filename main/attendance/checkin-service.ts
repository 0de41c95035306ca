/**
 * Sessions and check-in. Attendance is append-only: a check-in inserts the attendance row with
 * its derived id (ON CONFLICT DO NOTHING, never check-then-insert) and appends a 'check-in'
 * event; a correction appends a 'check-out' event. The current state is the latest event.
 */
import { randomUUID } from 'node:crypto';
import type {
  AttendanceEntry,
  CheckInResult,
  Person,
  PersonInput,
  Session,
  SessionInput,
} from '../../common/ipc/contract-attendance';
import type { Sql } from '../db/sqlite';
import type { Actor } from './actor';
import { checkInConsent } from '../../common/attendance/consent-rule';
import { attendanceIdFor } from './attendance-id';
import type { AttendanceStore } from './attendance-store';
import { attendanceError } from './errors';
import { writeOutbox } from './outbox';
import { createPersonInTx, requirePerson } from './people-service';
import {
  activeConsentScopes,
  latestConsentRows,
  personColumns,
  toPerson,
  type PersonRow,
} from './person-repo';
import { loadSession, loadSessionBasic, sessionSelect, toSession, type SessionRow } from './session-repo';
import { readCentre } from './settings-repo';

export interface SessionFilter {
  from?: string;
  to?: string;
  activityType?: Session['activityType'];
  limit: number;
}

type EventKind = 'check-in' | 'check-out';

interface AttendanceListRow extends Partial<PersonRow> {
  attendance_id: string;
  person_id: string;
  checked_in_at: string;
  kind: EventKind;
  at: string;
}

export const requireSession = async (
  sql: Sql,
  id: string,
  options: { withCount?: boolean } = {},
): Promise<Session> => {
  const session = options.withCount === false ? await loadSessionBasic(sql, id) : await loadSession(sql, id);
  if (!session) throw attendanceError('session-not-found');
  return session;
};

interface AttendanceState {
  created_at: string;
  kind: EventKind | null;
  at: string | null;
}

const attendanceState = (sql: Sql, attendanceId: string) =>
  sql.get<AttendanceState>(
    `SELECT a.created_at, e.kind, e.at FROM attendance a
     LEFT JOIN attendance_events e ON e.seq = (SELECT MAX(seq) FROM attendance_events WHERE attendance_id = a.id)
     WHERE a.id = ?`,
    [attendanceId],
  );

/**
 * The session's outbox row is written with its first attendance row, not at creation: a session
 * nobody attended never leaves the PC (the tracker counts sessions held), and it can still be
 * edited or deleted (session-edit.ts) without the tracker holding a stale copy.
 */
const announceSession = async (tx: Sql, session: Session, at: string) => {
  const sent = await tx.get("SELECT 1 AS x FROM outbox WHERE entity = 'session' AND entity_id = ?", [
    session.id,
  ]);
  if (sent) return;
  await writeOutbox(
    tx,
    {
      entity: 'session',
      entityId: session.id,
      op: 'create',
      payload: {
        id: session.id,
        centre: session.centre,
        date: session.date,
        activityType: session.activityType,
      },
    },
    at,
  );
};

/**
 * Inside a write transaction. Idempotent: marking an already-present person changes nothing.
 * `firstCheckInAt` keeps the original arrival time when attendance moves to another person (merge).
 */
export const applyEvent = async (
  tx: Sql,
  session: Session,
  person: Person,
  kind: EventKind,
  actor: Actor,
  firstCheckInAt?: string,
): Promise<CheckInResult> => {
  const at = new Date().toISOString();
  const attendanceId = attendanceIdFor(session.centre, session.id, person.id);
  const base = { attendanceId, sessionId: session.id, personId: person.id };
  if (kind === 'check-in') {
    const inserted = await tx.run(
      `INSERT INTO attendance (id, centre, session_id, person_id, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [attendanceId, session.centre, session.id, person.id, firstCheckInAt ?? at],
    );
    if (inserted.changes > 0) await announceSession(tx, session, at);
  }
  const state = await attendanceState(tx, attendanceId);
  // Unmark of someone never checked in: nothing to correct.
  if (!state) return { ...base, present: false, unchanged: true, checkedInAt: at, lastEventAt: at };
  if (state.kind === kind) {
    return {
      ...base,
      present: kind === 'check-in',
      unchanged: true,
      checkedInAt: state.created_at,
      lastEventAt: state.at ?? at,
    };
  }
  const eventId = randomUUID();
  await tx.run('INSERT INTO attendance_events (id, attendance_id, kind, at, role) VALUES (?, ?, ?, ?, ?)', [
    eventId,
    attendanceId,
    kind,
    at,
    actor.role,
  ]);
  await writeOutbox(
    tx,
    {
      entity: 'attendance',
      entityId: attendanceId,
      op: kind,
      payload: {
        attendanceId,
        eventId,
        sessionId: session.id,
        personId: person.id,
        personType: person.type,
        ageBand: person.ageBand,
        sex: person.sex,
        centre: session.centre,
        sessionDate: session.date,
        activityType: session.activityType,
        consentState: person.consentState,
        consentScopes: activeConsentScopes(person),
        present: kind === 'check-in',
        at,
      },
    },
    at,
  );
  return {
    ...base,
    present: kind === 'check-in',
    unchanged: false,
    checkedInAt: state.created_at,
    lastEventAt: at,
  };
};

/** The one consent rule (common/attendance/consent-rule.ts): refuses, or asks for staff's confirmation. */
const checkInAllowed = (person: Person, confirmNoConsent: boolean) => {
  const rule = checkInConsent({
    consentState: person.consentState,
    consentScopes: person.consent?.scopes ?? [],
    deletedAt: person.deletedAt,
  });
  if (rule.kind === 'refused') throw attendanceError(rule.reason);
  if (rule.kind === 'needs-confirmation' && !confirmNoConsent)
    throw attendanceError('consent-unconfirmed', { name: person.displayName });
};

export const createCheckInService = (store: AttendanceStore) => ({
  createSession: (input: SessionInput & { lessons: string[] }) =>
    store.db().write(async (tx) => {
      const at = new Date().toISOString();
      const id = randomUUID();
      const centre = await readCentre(tx);
      await tx.run(
        `INSERT INTO sessions (id, centre, date, start_time, activity_type, lessons, facilitator, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          centre,
          input.date,
          input.startTime,
          input.activityType,
          JSON.stringify(input.lessons),
          input.facilitator,
          at,
        ],
      );
      return requireSession(tx, id);
    }),

  getSession: (id: string) => requireSession(store.db().read, id),

  listSessions: async (filter: SessionFilter): Promise<Session[]> => {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (clause: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      params.push(value);
    };
    add('s.date >= ?', filter.from);
    add('s.date <= ?', filter.to);
    add('s.activity_type = ?', filter.activityType);
    const rows = await store.db().read.all<SessionRow>(
      `${sessionSelect} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY s.date DESC, s.start_time DESC, s.created_at DESC LIMIT ?`,
      [...params, filter.limit],
    );
    return rows.map(toSession);
  },

  mark: (sessionId: string, personId: string, actor: Actor, options: { confirmNoConsent?: boolean } = {}) =>
    store.db().write(async (tx) => {
      const session = await requireSession(tx, sessionId, { withCount: false });
      const person = await requirePerson(tx, personId);
      checkInAllowed(person, options.confirmNoConsent === true);
      return applyEvent(tx, session, person, 'check-in', actor);
    }),

  /** Correction: a new check-out event; the check-in event stays in the log. */
  unmark: (sessionId: string, personId: string, actor: Actor) =>
    store.db().write(async (tx) => {
      const session = await requireSession(tx, sessionId, { withCount: false });
      const person = await requirePerson(tx, personId);
      return applyEvent(tx, session, person, 'check-out', actor);
    }),

  /** Creates the person and checks them in: both or neither (one transaction). */
  walkIn: (
    sessionId: string,
    input: PersonInput,
    actor: Actor,
    options: { confirmNoConsent?: boolean } = {},
  ) =>
    store.db().write(async (tx) => {
      const session = await requireSession(tx, sessionId, { withCount: false });
      const person = await createPersonInTx(tx, input, new Date().toISOString());
      checkInAllowed(person, options.confirmNoConsent === true);
      const checkIn = await applyEvent(tx, session, person, 'check-in', actor);
      return { person, checkIn };
    }),

  listAttendance: async (sessionId: string): Promise<{ session: Session; entries: AttendanceEntry[] }> => {
    const sql = store.db().read;
    const session = await requireSession(sql, sessionId);
    const rows = await sql.all<AttendanceListRow>(
      `SELECT a.id AS attendance_id, a.person_id, a.created_at AS checked_in_at, e.kind, e.at,
              ${personColumns
                .split(', ')
                .map((column) => `p.${column}`)
                .join(', ')}
       FROM attendance a
       JOIN attendance_events e ON e.seq = (SELECT MAX(seq) FROM attendance_events WHERE attendance_id = a.id)
       LEFT JOIN people p ON p.id = a.person_id
       WHERE a.session_id = ?
       ORDER BY p.display_name IS NULL, p.display_name, a.created_at`,
      [sessionId],
    );
    const consents = await latestConsentRows(
      sql,
      rows.map((row) => row.person_id),
    );
    const entries = rows.map((row) => ({
      attendanceId: row.attendance_id,
      personId: row.person_id,
      present: row.kind === 'check-in',
      checkedInAt: row.checked_in_at,
      lastEventAt: row.at,
      // An erased person leaves only the UUID on the attendance row.
      person: row.id ? toPerson(row as PersonRow, consents.get(row.person_id)) : null,
    }));
    return { session, entries };
  },
});
