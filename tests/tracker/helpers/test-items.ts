import { randomUUID } from 'node:crypto';
import { attendanceIdFor } from '../../../main/attendance/attendance-id';
import type { AttendanceItem, SessionItem } from '../../../common/sync/sync-items';

export interface TestPerson {
  id: string;
  type: 'learner' | 'teacher' | 'caregiver';
  ageBand: AttendanceItem['payload']['ageBand'];
  sex: 'female' | 'male' | 'other' | null;
}

export interface TestSession {
  id: string;
  date: string;
  activityType: AttendanceItem['payload']['activityType'];
}

export const testPerson = (type: TestPerson['type'] = 'learner', index = 0): TestPerson => ({
  id: randomUUID(),
  type,
  ageBand: type === 'learner' ? (['8-11', '12-14', '15-17'] as const)[index % 3] : '25-34',
  sex: (['female', 'male', 'other', null] as const)[index % 4],
});

export const testSession = (
  date: string,
  activityType: TestSession['activityType'] = 'robotics-class',
): TestSession => ({
  id: randomUUID(),
  date,
  activityType,
});

export const sessionItem = (centre: string, session: TestSession): SessionItem => ({
  entity: 'session',
  op: 'create',
  at: `${session.date}T12:00:00.000Z`,
  payload: { id: session.id, centre, date: session.date, activityType: session.activityType },
});

/** A check-in (or check-out) item exactly as a device's outbox makes it. */
export const checkInItem = (
  centre: string,
  session: TestSession,
  person: TestPerson,
  options: { present?: boolean; at?: string; eventId?: string } = {},
): AttendanceItem => {
  const at = options.at ?? `${session.date}T14:00:00.000Z`;
  const present = options.present ?? true;
  return {
    entity: 'attendance',
    op: present ? 'check-in' : 'check-out',
    at,
    payload: {
      attendanceId: attendanceIdFor(centre, session.id, person.id),
      eventId: options.eventId ?? randomUUID(),
      sessionId: session.id,
      personId: person.id,
      personType: person.type,
      ageBand: person.ageBand,
      sex: person.sex,
      centre,
      sessionDate: session.date,
      activityType: session.activityType,
      consentState: person.type === 'learner' ? 'given' : 'not-required',
      consentScopes: person.type === 'learner' ? ['attendance', 'reporting'] : [],
      present,
      at,
    },
  };
};

/** `count` check-ins spread over people and sessions of one centre (each a distinct attendance). */
export const manyCheckIns = (
  centre: string,
  count: number,
  people = Math.ceil(count / 10),
): AttendanceItem[] => {
  const typeOf = (i: number) => (i % 10 < 7 ? 'learner' : i % 10 < 9 ? 'caregiver' : 'teacher');
  const persons = Array.from({ length: people }, (_, i) => testPerson(typeOf(i), i));
  const sessionsNeeded = Math.ceil(count / people);
  const sessions = Array.from({ length: sessionsNeeded }, (_, i) =>
    testSession(`2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`),
  );
  const items: AttendanceItem[] = [];
  for (let s = 0; s < sessions.length && items.length < count; s += 1)
    for (let p = 0; p < persons.length && items.length < count; p += 1)
      items.push(checkInItem(centre, sessions[s], persons[p]));
  return items;
};
