import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { openSqlite } from '../../../main/db/sqlite';
import { admin, instructor, learner, openService, removeLayout, tempLayout } from './helpers';

describe('people', () => {
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

  it('searches by word prefix, ignoring accents and case', async () => {
    await service.people.create(learner('José Peña', 2014));
    await service.people.create(learner('Ángela Pérez', 2013));
    await service.people.create({ displayName: 'Josefina Ruiz', type: 'teacher' });
    const names = async (query: string) =>
      (await service.people.search({ query, includeDeleted: false, limit: 50 })).map(
        (person) => person.displayName,
      );
    expect(await names('jose')).toEqual(['José Peña', 'Josefina Ruiz']);
    expect(await names('PE')).toEqual(['Ángela Pérez', 'José Peña']);
    expect(await names('angela per')).toEqual(['Ángela Pérez']);
    expect(await names('ngela')).toEqual([]);
    expect(await names('100%')).toEqual([]);
    const page = await service.people.search({ query: '', includeDeleted: false, limit: 2, offset: 1 });
    expect(page.map((person) => person.displayName)).toEqual(['José Peña', 'Josefina Ruiz']);
  });

  it('edits, soft deletes and restores', async () => {
    const person = await service.people.create(learner('Ana', 2015));
    expect(person).toMatchObject({ minor: true, consentState: 'missing', ageBand: '8-11' });
    const edited = await service.people.update({ id: person.id, displayName: 'Ana María', sex: 'female' });
    expect(edited).toMatchObject({ displayName: 'Ana María', sex: 'female', birthYear: 2015 });
    await service.people.softDelete(person.id);
    expect(await service.people.search({ query: 'ana', includeDeleted: false, limit: 5 })).toEqual([]);
    expect(await service.people.search({ query: 'ana', includeDeleted: true, limit: 5 })).toHaveLength(1);
    expect((await service.people.restore(person.id)).deletedAt).toBeNull();
  });

  it('records consent only for minors and tracks withdrawal', async () => {
    const adult = await service.people.create({ displayName: 'Adulto', type: 'caregiver', birthYear: 1980 });
    const consent = {
      guardianName: 'X',
      relation: 'other' as const,
      method: 'digital' as const,
      date: '2026-01-01',
      scopes: ['attendance' as const],
    };
    await expect(service.people.recordConsent(adult.id, consent)).rejects.toMatchObject({
      code: 'attendance.consent-not-minor',
    });
    const child = await service.people.create(learner('Niña', 2016));
    expect((await service.people.recordConsent(child.id, consent)).consentState).toBe('given');
    expect((await service.people.withdrawConsent(child.id, '2026-06-01')).consent).toMatchObject({
      withdrawnOn: '2026-06-01',
    });
    await expect(service.people.withdrawConsent(child.id, '2026-06-02')).rejects.toMatchObject({
      code: 'attendance.consent-missing',
    });
  });

  it('erases personal data for good; attendance keeps only the UUID; the erasure is audited', async () => {
    const session = await service.checkIn.createSession({
      date: '2026-11-20',
      startTime: '10:00',
      activityType: 'coding-class',
      lessons: [],
      facilitator: 'Prof',
    });
    const child = await service.people.create({
      ...learner('Zacarías Únicoapellido', 2014),
      consent: {
        guardianName: 'Guardiana Singular',
        relation: 'mother',
        method: 'paper',
        date: '2026-01-01',
        scopes: ['attendance'],
      },
    });
    await service.checkIn.mark(session.id, child.id, instructor);
    await service.people.erase(child.id, admin);
    await expect(service.people.get(child.id)).rejects.toMatchObject({ code: 'attendance.person-not-found' });
    const { entries } = await service.checkIn.listAttendance(session.id);
    expect(entries).toEqual([expect.objectContaining({ personId: child.id, person: null, present: true })]);
    expect((await service.listAudit(5))[0]).toMatchObject({
      action: 'erase',
      detail: child.id,
      role: 'admin',
    });
    // The name is gone from the file itself (secure_delete), once the WAL is checkpointed.
    await service.close();
    const db = await openSqlite(layout.database);
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE);');
    await db.close();
    const bytes = readFileSync(layout.database).toString('utf8');
    expect(bytes).not.toContain('Zacar');
    expect(bytes).not.toContain('Guardiana Singular');
    service = await openService(layout);
  });
});
