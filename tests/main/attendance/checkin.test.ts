import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { attendanceIdFor } from '../../../main/attendance/attendance-id';
import { openSqlite } from '../../../main/db/sqlite';
import { admin, instructor, learner, openService, removeLayout, tempLayout } from './helpers';

describe('check-in', () => {
  let layout: DataLayout;
  let service: AttendanceService;
  const newSession = () =>
    service.checkIn.createSession({
      date: '2026-11-20',
      startTime: '15:00',
      activityType: 'robotics-class',
      lessons: ['Semáforo'],
      facilitator: 'Prof. Ruiz',
    });
  beforeEach(async () => {
    layout = tempLayout();
    service = await openService(layout);
  });
  afterEach(async () => {
    await service.close();
    removeLayout(layout);
  });

  it('collapses a double tap (even concurrent) into one attendance row and one check-in event', async () => {
    const session = await newSession();
    const person = await service.people.create({ displayName: 'Ana Docente', type: 'teacher' });
    const results = await Promise.all([
      service.checkIn.mark(session.id, person.id, instructor),
      service.checkIn.mark(session.id, person.id, instructor),
      service.checkIn.mark(session.id, person.id, admin),
    ]);
    expect(new Set(results.map((result) => result.attendanceId)).size).toBe(1);
    expect(results.filter((result) => !result.unchanged)).toHaveLength(1);
    expect(results[0].attendanceId).toBe(attendanceIdFor(session.centre, session.id, person.id));
    const db = await openSqlite(layout.database);
    expect(await db.get('SELECT COUNT(*) AS n FROM attendance')).toEqual({ n: 1 });
    expect(await db.get('SELECT COUNT(*) AS n FROM attendance_events')).toEqual({ n: 1 });
    await db.close();
    expect((await service.checkIn.getSession(session.id)).presentCount).toBe(1);
  });

  it('records a correction as a new check-out event, never editing the check-in', async () => {
    const session = await newSession();
    const person = await service.people.create({ displayName: 'Luis', type: 'teacher' });
    await service.checkIn.mark(session.id, person.id, instructor);
    const undone = await service.checkIn.unmark(session.id, person.id, instructor);
    expect(undone).toMatchObject({ present: false, unchanged: false });
    expect((await service.checkIn.unmark(session.id, person.id, instructor)).unchanged).toBe(true);
    const again = await service.checkIn.mark(session.id, person.id, instructor);
    expect(again).toMatchObject({ present: true, unchanged: false, attendanceId: undone.attendanceId });
    const db = await openSqlite(layout.database);
    expect(await db.all('SELECT kind FROM attendance_events ORDER BY seq')).toEqual([
      { kind: 'check-in' },
      { kind: 'check-out' },
      { kind: 'check-in' },
    ]);
    expect(await db.all("SELECT op FROM outbox WHERE entity = 'attendance' ORDER BY id")).toEqual([
      { op: 'check-in' },
      { op: 'check-out' },
      { op: 'check-in' },
    ]);
    await db.close();
    const { entries } = await service.checkIn.listAttendance(session.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ present: true, person: { displayName: 'Luis' } });
  });

  it('adds a walk-in and checks them in atomically; a failing walk-in leaves no person behind', async () => {
    const session = await newSession();
    const { person, checkIn } = await service.checkIn.walkIn(
      session.id,
      { displayName: 'Madre Visitante', type: 'caregiver', sex: 'female' },
      instructor,
    );
    expect(checkIn).toMatchObject({ personId: person.id, present: true });
    await expect(
      service.checkIn.walkIn(
        '00000000-0000-4000-8000-000000000000',
        { displayName: 'Nadie', type: 'teacher' },
        instructor,
      ),
    ).rejects.toMatchObject({ code: 'attendance.session-not-found' });
    await expect(
      service.checkIn.walkIn(session.id, { displayName: 'Niño sin año', type: 'learner' }, instructor),
    ).rejects.toMatchObject({
      code: 'attendance.birth-year-required',
    });
    const names = (await service.people.search({ query: '', includeDeleted: true, limit: 50 })).map(
      (p) => p.displayName,
    );
    expect(names).toEqual(['Madre Visitante']);
  });

  it('writes a pseudonymous outbox row with every data change, in the same transaction', async () => {
    const session = await newSession();
    const child = await service.people.create({
      ...learner('Sofía Ñandú Secreta', 2015),
      sex: 'female',
      consent: {
        guardianName: 'Rosa Guardiana',
        relation: 'mother',
        method: 'paper',
        date: '2026-02-01',
        scopes: ['attendance', 'reporting'],
      },
    });
    await service.checkIn.mark(session.id, child.id, instructor);
    const db = await openSqlite(layout.database);
    const outbox = await db.all<{ entity: string; op: string; payload: string }>(
      'SELECT entity, op, payload FROM outbox ORDER BY id',
    );
    await db.close();
    // The session is queued with its first attendance row (an empty session never leaves the PC).
    expect(outbox.map((row) => `${row.entity}:${row.op}`)).toEqual([
      'person:create',
      'session:create',
      'attendance:check-in',
    ]);
    const text = outbox.map((row) => row.payload).join('\n');
    for (const secret of ['Sofía', 'Ñandú', 'Secreta', 'Rosa', 'Guardiana', 'Semáforo', 'Ruiz', '2015'])
      expect(text).not.toContain(secret);
    expect(JSON.parse(outbox[2].payload)).toMatchObject({
      personId: child.id,
      personType: 'learner',
      ageBand: '8-11',
      sex: 'female',
      sessionDate: '2026-11-20',
      activityType: 'robotics-class',
      consentState: 'given',
      consentScopes: ['attendance', 'reporting'],
    });
  });

  it('refuses check-in after consent withdrawal or soft delete', async () => {
    const session = await newSession();
    const child = await service.people.create({
      ...learner('Tomás', 2016),
      consent: {
        guardianName: 'Pedro',
        relation: 'father',
        method: 'verbal',
        date: '2026-02-01',
        scopes: ['attendance'],
      },
    });
    const withdrawn = await service.people.withdrawConsent(child.id, '2026-11-01');
    expect(withdrawn.consentState).toBe('withdrawn');
    await expect(service.checkIn.mark(session.id, child.id, instructor)).rejects.toMatchObject({
      code: 'attendance.consent-withdrawn',
    });
    const teacher = await service.people.create({ displayName: 'Borrada', type: 'teacher' });
    await service.people.softDelete(teacher.id);
    await expect(service.checkIn.mark(session.id, teacher.id, instructor)).rejects.toMatchObject({
      code: 'attendance.person-deleted',
    });
  });
});
