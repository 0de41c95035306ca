import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { attendanceIdFor } from '../../../main/attendance/attendance-id';
import { eligibleSql, tombstoneSql } from '../../../main/sync/outbox-items';
import { admin, instructor, learner, openService, paperConsent, removeLayout, tempLayout } from './helpers';

const year = new Date().getFullYear() - 10;
const consent = paperConsent;

describe('likely duplicates and merging them', () => {
  let layout: DataLayout;
  let service: AttendanceService;
  const newSession = (date: string) =>
    service.checkIn.createSession({
      date,
      startTime: '15:00',
      activityType: 'robotics-class',
      lessons: [],
      facilitator: 'Prof',
    });
  beforeEach(async () => {
    layout = tempLayout();
    service = await openService(layout);
  });
  afterEach(async () => {
    await service.close();
    removeLayout(layout);
  });

  it('finds the same name (accents, case, spaces folded) with the same birth year only', async () => {
    const first = await service.people.create({ ...learner('José Peña', year), consent });
    await service.people.create(learner('José Peña', year - 1));
    await service.people.create(learner('José Peñaloza', year));
    const hits = await service.people.likelyDuplicates('  jose   PENA ', year);
    expect(hits.map((hit) => hit.id)).toEqual([first.id]);
    expect(await service.people.likelyDuplicates('José Peña', year, first.id)).toEqual([]);
    expect(await service.people.likelyDuplicates('Ana Docente', null)).toEqual([]);
  });

  it('moves attendance to the kept person, keeps consent, erases the duplicate with a tombstone; audited', async () => {
    const keep = await service.people.create(learner('José Peña', year));
    const duplicate = await service.people.create({ ...learner('Jose Pena', year), consent });
    const both = await newSession('2026-11-02');
    const onlyDuplicate = await newSession('2026-11-09');
    const corrected = await newSession('2026-11-16');
    await service.checkIn.mark(both.id, keep.id, instructor, { confirmNoConsent: true });
    await service.checkIn.mark(both.id, duplicate.id, instructor);
    const arrived = await service.checkIn.mark(onlyDuplicate.id, duplicate.id, instructor);
    await service.checkIn.mark(corrected.id, duplicate.id, instructor);
    await service.checkIn.unmark(corrected.id, duplicate.id, instructor);

    await expect(service.people.merge(keep.id, keep.id, admin)).rejects.toMatchObject({
      code: 'attendance.merge-same-person',
    });
    const { person, movedSessions } = await service.people.merge(keep.id, duplicate.id, admin);
    expect(movedSessions).toBe(2);
    // The kept person now has the guardian's consent the duplicate carried.
    expect(person).toMatchObject({
      id: keep.id,
      consentState: 'given',
      consent: { guardianName: 'Rosa Peña' },
    });
    await expect(service.people.get(duplicate.id)).rejects.toMatchObject({
      code: 'attendance.person-not-found',
    });

    // Each session counts the child once; the arrival time is kept.
    for (const session of [both, onlyDuplicate])
      expect((await service.checkIn.getSession(session.id)).presentCount).toBe(1);
    expect((await service.checkIn.getSession(corrected.id)).presentCount).toBe(0);
    const moved = await service.checkIn.listAttendance(onlyDuplicate.id);
    const kept = moved.entries.find((entry) => entry.personId === keep.id);
    expect(kept).toMatchObject({ present: true, checkedInAt: arrived.checkedInAt });
    expect(kept?.attendanceId).toBe(attendanceIdFor(onlyDuplicate.centre, onlyDuplicate.id, keep.id));
    expect(moved.entries.find((entry) => entry.personId === duplicate.id)?.present).toBe(false);

    // Outbox: the duplicate's rows end in an erase tombstone after every row about them; the kept
    // person's moved check-in carries the merged consent and may leave the PC.
    const db = service.store.db().read;
    const tombstone = await db.get<{ id: number }>(
      `SELECT MAX(id) AS id FROM outbox WHERE entity_id = ? AND ${tombstoneSql}`,
      [duplicate.id],
    );
    const lastAboutDuplicate = await db.get<{ id: number }>(
      `SELECT MAX(id) AS id FROM outbox WHERE entity_id = ? OR json_extract(payload, '$.personId') = ?`,
      [duplicate.id, duplicate.id],
    );
    expect(tombstone?.id).toBe(lastAboutDuplicate?.id);
    const keptRow = await db.get<{ eligible: number }>(
      `SELECT ${eligibleSql} AS eligible FROM outbox
       WHERE entity = 'attendance' AND json_extract(payload, '$.personId') = ?
         AND json_extract(payload, '$.sessionId') = ?`,
      [keep.id, onlyDuplicate.id],
    );
    expect(keptRow?.eligible).toBe(1);
    // The erasure reaches every copy: the duplicate's id is in the erasure journal.
    const journal = join(layout.root, 'erasures.json');
    expect(existsSync(journal) && JSON.parse(readFileSync(journal, 'utf8'))).toEqual([duplicate.id]);
    expect((await service.listAudit(1))[0]).toMatchObject({ action: 'merge', rowCount: 2 });
  });
});

describe('sessions: edit, delete while empty, and what counts as held', () => {
  let layout: DataLayout;
  let service: AttendanceService;
  beforeEach(async () => {
    layout = tempLayout();
    service = await openService(layout);
  });
  afterEach(async () => {
    await service.close();
    removeLayout(layout);
  });

  const create = (date = '2026-11-10') =>
    service.checkIn.createSession({
      date,
      startTime: '15:00',
      activityType: 'robotics-class',
      lessons: ['Semáforo'],
      facilitator: 'Prof',
    });
  const sessionOutboxRows = async (id: string) =>
    (
      await service.store
        .db()
        .read.all("SELECT op FROM outbox WHERE entity = 'session' AND entity_id = ?", [id])
    ).length;

  it('edits an empty session freely; with attendance only time, lessons and facilitator; audited', async () => {
    const session = await create();
    const edited = await service.sessions.update(
      { id: session.id, date: '2026-11-11', activityType: 'coding-class', facilitator: 'Carla' },
      instructor,
    );
    expect(edited).toMatchObject({ date: '2026-11-11', activityType: 'coding-class', facilitator: 'Carla' });
    expect((await service.listAudit(1))[0]).toMatchObject({
      action: 'session-edit',
      role: 'instructor',
      detail: `${session.id} date,activityType,facilitator`,
    });
    // Nobody attended yet: nothing about the session has been queued for the tracker.
    expect(await sessionOutboxRows(session.id)).toBe(0);

    const teacher = await service.people.create({ displayName: 'Ana Docente', type: 'teacher' });
    await service.checkIn.mark(session.id, teacher.id, instructor);
    expect(await sessionOutboxRows(session.id)).toBe(1);
    await expect(
      service.sessions.update({ id: session.id, date: '2026-11-12' }, instructor),
    ).rejects.toMatchObject({
      code: 'attendance.session-has-attendance-fields',
      messageKey: 'staff.error.session-has-attendance-fields',
    });
    const later = await service.sessions.update(
      { id: session.id, startTime: '16:30', lessons: ['Servo'] },
      instructor,
    );
    expect(later).toMatchObject({
      date: '2026-11-11',
      startTime: '16:30',
      lessons: ['Servo'],
      presentCount: 1,
    });
  });

  it('deletes a session nobody was checked in to, never one with attendance rows; audited', async () => {
    const empty = await create();
    const used = await create();
    const teacher = await service.people.create({ displayName: 'Ana Docente', type: 'teacher' });
    await service.checkIn.mark(used.id, teacher.id, instructor);
    await service.checkIn.unmark(used.id, teacher.id, instructor);
    await expect(service.sessions.remove(used.id, instructor)).rejects.toMatchObject({
      code: 'attendance.session-has-attendance',
    });
    expect(await service.sessions.remove(empty.id, instructor)).toEqual({ id: empty.id, deleted: true });
    await expect(service.checkIn.getSession(empty.id)).rejects.toMatchObject({
      code: 'attendance.session-not-found',
    });
    expect((await service.listAudit(1))[0]).toMatchObject({
      action: 'session-delete',
      detail: `${empty.id} 2026-11-10 robotics-class`,
    });
  });

  it('counts only sessions with someone present as held', async () => {
    const held = await create('2026-11-03');
    await create('2026-11-04');
    const corrected = await create('2026-11-05');
    const teacher = await service.people.create({ displayName: 'Ana Docente', type: 'teacher' });
    await service.checkIn.mark(held.id, teacher.id, instructor);
    await service.checkIn.mark(corrected.id, teacher.id, instructor);
    await service.checkIn.unmark(corrected.id, teacher.id, instructor);
    const summary = await service.summary.monthlySummary('2026-11');
    expect(summary.sessionsHeld).toBe(1);
    expect(summary.sessionsByActivity.find((row) => row.activityType === 'robotics-class')?.count).toBe(1);
  });

  it('leaves erased people out of every breakdown of the summary, counting them in the totals', async () => {
    const session = await create('2026-11-03');
    const teacher = await service.people.create({ displayName: 'Ana Docente', type: 'teacher' });
    const gone = await service.people.create({ displayName: 'Beto Docente', type: 'teacher', sex: 'male' });
    for (const person of [teacher, gone]) await service.checkIn.mark(session.id, person.id, instructor);
    await service.people.erase(gone.id, admin);
    const summary = await service.summary.monthlySummary('2026-11');
    expect(summary).toMatchObject({ peopleReached: 2, erasedPeople: 1, attendances: 2 });
    expect(summary.byType.map((row) => row.type)).toEqual(['learner', 'teacher', 'caregiver']);
    expect(summary.byType.find((row) => row.type === 'teacher')?.count).toBe(1);
    expect(summary.bySex.find((row) => row.sex === 'male')?.count).toBe(0);
  });
});
