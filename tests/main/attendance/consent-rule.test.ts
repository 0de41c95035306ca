import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInConsent, consentScopesProblem } from '../../../common/attendance/consent-rule';
import type { ConsentScope } from '../../../common/ipc/contract-attendance';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { eligibleSql } from '../../../main/sync/outbox-items';
import { admin, instructor, learner, openService, removeLayout, tempLayout } from './helpers';

const consent = (scopes: ConsentScope[]) => ({
  guardianName: 'Rosa Quispe',
  relation: 'mother' as const,
  method: 'paper' as const,
  date: '2026-03-01',
  scopes,
});
const childYear = new Date().getFullYear() - 10;

describe('the consent rule (common/attendance/consent-rule.ts)', () => {
  it('decides every case from the consent state and scopes', () => {
    const facts = (
      consentState: 'not-required' | 'missing' | 'given' | 'withdrawn',
      scopes: ConsentScope[] = [],
    ) => checkInConsent({ consentState, consentScopes: scopes, deletedAt: null });
    expect(facts('not-required')).toEqual({ kind: 'reported' });
    expect(facts('given', ['attendance', 'reporting'])).toEqual({ kind: 'reported' });
    expect(facts('given', ['attendance'])).toEqual({ kind: 'local-only' });
    expect(facts('given', ['reporting'])).toEqual({ kind: 'needs-confirmation' });
    expect(facts('missing')).toEqual({ kind: 'needs-confirmation' });
    expect(facts('withdrawn', ['attendance'])).toEqual({ kind: 'refused', reason: 'consent-withdrawn' });
    expect(
      checkInConsent({ consentState: 'not-required', consentScopes: [], deletedAt: '2026-01-01' }),
    ).toEqual({ kind: 'refused', reason: 'person-deleted' });
    expect(consentScopesProblem([])).toBe('consent-scopes-empty');
    expect(consentScopesProblem(['reporting', 'photos'])).toBe('consent-scopes-attendance');
    expect(consentScopesProblem(['attendance'])).toBeNull();
  });
});

describe('one consent rule on every path', () => {
  let layout: DataLayout;
  let service: AttendanceService;
  let sessionId: string;
  beforeEach(async () => {
    layout = tempLayout();
    service = await openService(layout);
    sessionId = (
      await service.checkIn.createSession({
        date: '2026-11-20',
        startTime: '15:00',
        activityType: 'robotics-class',
        lessons: [],
        facilitator: 'Prof',
      })
    ).id;
  });
  afterEach(async () => {
    await service.close();
    removeLayout(layout);
  });

  const attendanceRows = async (personId: string) =>
    service.store.db().read.all<{ eligible: number; state: string }>(
      `SELECT ${eligibleSql} AS eligible, json_extract(payload, '$.consentState') AS state FROM outbox
         WHERE entity = 'attendance' AND json_extract(payload, '$.personId') = ?`,
      [personId],
    );

  it('People: a minor may be registered without consent, but a consent names its scopes, attendance among them', async () => {
    const pending = await service.people.create(learner('María José Quispe', childYear));
    expect(pending.consentState).toBe('missing');
    await expect(
      service.people.create({ ...learner('Sin alcance', childYear), consent: consent([]) }),
    ).rejects.toMatchObject({ code: 'attendance.consent-scopes-empty' });
    await expect(
      service.people.create({ ...learner('Solo informes', childYear), consent: consent(['reporting']) }),
    ).rejects.toMatchObject({ code: 'attendance.consent-scopes-attendance' });
    await expect(service.people.recordConsent(pending.id, consent(['photos']))).rejects.toMatchObject({
      code: 'attendance.consent-scopes-attendance',
    });
    const names = (await service.people.search({ query: '', includeDeleted: true, limit: 10 })).map(
      (person) => person.displayName,
    );
    expect(names).toEqual(['María José Quispe']);
  });

  it('check-in: a minor without consent needs staff confirmation, and the row never leaves the PC', async () => {
    const child = await service.people.create(learner('María José Quispe', childYear));
    await expect(service.checkIn.mark(sessionId, child.id, instructor)).rejects.toMatchObject({
      code: 'attendance.consent-unconfirmed',
      messageKey: 'staff.error.consent-unconfirmed',
      params: { name: 'María José Quispe' },
    });
    expect(await attendanceRows(child.id)).toEqual([]);
    expect((await service.checkIn.getSession(sessionId)).presentCount).toBe(0);

    const marked = await service.checkIn.mark(sessionId, child.id, instructor, { confirmNoConsent: true });
    expect(marked.present).toBe(true);
    expect(await attendanceRows(child.id)).toEqual([{ eligible: 0, state: 'missing' }]);

    // Consent recorded later (attendance only): no question any more, and still kept here.
    await service.people.recordConsent(child.id, consent(['attendance']));
    const other = await service.checkIn.createSession({
      date: '2026-11-21',
      startTime: '15:00',
      activityType: 'robotics-class',
      lessons: [],
      facilitator: 'Prof',
    });
    await service.checkIn.mark(other.id, child.id, instructor);
    expect((await attendanceRows(child.id)).map((row) => row.eligible)).toEqual([0, 0]);

    // With consent for the central report, the row may leave.
    const reported = await service.people.create({
      ...learner('Beto Informe', childYear),
      consent: consent(['attendance', 'reporting']),
    });
    await service.checkIn.mark(sessionId, reported.id, instructor);
    expect(await attendanceRows(reported.id)).toEqual([{ eligible: 1, state: 'given' }]);
  });

  it('walk-in: the same rule; refused without confirmation, leaving no person behind', async () => {
    await expect(
      service.checkIn.walkIn(sessionId, learner('Diego Flores', childYear), instructor),
    ).rejects.toMatchObject({ code: 'attendance.consent-unconfirmed' });
    expect(await service.people.search({ query: 'diego', includeDeleted: true, limit: 5 })).toEqual([]);
    const { person, checkIn } = await service.checkIn.walkIn(
      sessionId,
      learner('Diego Flores', childYear),
      instructor,
      { confirmNoConsent: true },
    );
    expect(person.consentState).toBe('missing');
    expect(checkIn.present).toBe(true);
    expect(await attendanceRows(person.id)).toEqual([{ eligible: 0, state: 'missing' }]);
    const withConsent = await service.checkIn.walkIn(
      sessionId,
      { ...learner('Eva Flores', childYear), consent: consent(['attendance', 'reporting']) },
      instructor,
    );
    expect(withConsent.checkIn.present).toBe(true);
  });

  it('roster import: scopes without attendance are refused; minors without consent come in as missing', async () => {
    const csv = [
      'nombre,tipo,anio_nacimiento,tutor,parentesco,metodo,fecha_consentimiento,alcance',
      `Ana Sol,estudiante,${childYear},Rosa Sol,madre,papel,2026-03-01,asistencia|informes`,
      `Bea Luna,estudiante,${childYear},Juan Luna,padre,papel,2026-03-01,informes`,
      `Caro Mar,estudiante,${childYear},,,,,`,
    ].join('\n');
    const result = await service.roster.importRoster(csv, false, admin);
    expect(result.accepted).toBe(2);
    expect(result.rejected).toEqual([
      {
        row: 3,
        reasonKey: 'staff.import.reason.scopes-need-attendance',
        field: 'scopes',
        params: { value: 'informes' },
      },
    ]);
    const people = await service.people.search({ query: '', includeDeleted: false, limit: 10 });
    const caro = people.find((person) => person.displayName === 'Caro Mar');
    expect(caro?.consentState).toBe('missing');
    await expect(service.checkIn.mark(sessionId, caro?.id ?? '', instructor)).rejects.toMatchObject({
      code: 'attendance.consent-unconfirmed',
    });
    const ana = people.find((person) => person.displayName === 'Ana Sol');
    expect((await service.checkIn.mark(sessionId, ana?.id ?? '', instructor)).present).toBe(true);
  });
});
