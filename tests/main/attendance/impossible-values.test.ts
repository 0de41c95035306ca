/**
 * Days that do not exist, years nobody lives in and names made of invisible characters: refused
 * in every path that takes them (each call, the roster import, the tracker's sync items), with
 * the same words in Spanish and English, and nothing stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../common/attendance/csv-parse';
import { isCalendarDate, isReadableName } from '../../../common/attendance/field-checks';
import { messages } from '../../../common/i18n/messages';
import type { IpcResult } from '../../../common/ipc/app-error';
import { sessionItemSchema } from '../../../common/sync/sync-items';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AppServices } from '../../../main/app/services';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { validateRoster } from '../../../main/attendance/roster-import';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import { createDispatcher, type CallHandlers, type Dispatcher } from '../../../main/ipc/dispatcher';
import { createAttendanceHandlers } from '../../../main/ipc/handlers-attendance';
import { createStaffHandlers } from '../../../main/ipc/handlers-staff';
import { openService, quietLogger, removeLayout, tempLayout } from './helpers';

const badDates = [
  '2024-02-30',
  '2023-02-29',
  '2025-04-31',
  '9999-12-31',
  '0001-01-01',
  '1899-05-05',
  '2024-13-01',
];
const badNames = ['\u0000', '\u0000\u0001\u0002', ' \u0007 ', '\u200B', '---', 'Ana\u0000', 'Ana\u202Eoñ'];

describe('impossible dates and unreadable names', () => {
  let layout: DataLayout;
  let service: AttendanceService;
  let dispatcher: Dispatcher;
  const session = createConnectionSession('admin-tab');
  const call = (name: string, args: unknown) => dispatcher.dispatch(name, args, { session });
  const refusedWith = (result: IpcResult<unknown>, key: string) => {
    expect(result, JSON.stringify(result)).toMatchObject({
      ok: false,
      error: { code: 'bad-request', messageKey: key },
    });
    expect(messages.es[key]).toMatch(/\w/);
    expect(messages.en[key]).toMatch(/\w/);
    expect(messages.es[key]).not.toBe(messages.en[key]);
  };

  beforeEach(async () => {
    layout = tempLayout();
    service = await openService(layout);
    const handlers = {
      ...createStaffHandlers({ attendance: service } as unknown as AppServices),
      ...createAttendanceHandlers({ attendance: service } as unknown as AppServices),
    } as unknown as CallHandlers;
    dispatcher = createDispatcher(handlers, quietLogger());
    expect(await call('staff.setup', { pin: '2468' })).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    await service.close();
    removeLayout(layout);
  });

  it('has one check that knows real days and readable names', () => {
    for (const date of ['2024-02-29', '2000-01-01', '2100-12-31', '2026-11-26'])
      expect(isCalendarDate(date)).toBe(true);
    for (const date of badDates) expect(isCalendarDate(date), date).toBe(false);
    for (const name of ['Ana', 'José Peña', '李小龙', 'N°5', "O'Neil"])
      expect(isReadableName(name)).toBe(true);
    for (const name of badNames) expect(isReadableName(name), JSON.stringify(name)).toBe(false);
  });

  it('refuses them in every call that takes a date or a name, and stores nothing', async () => {
    const consent = {
      guardianName: 'Rosa',
      relation: 'mother',
      method: 'paper',
      date: '2026-03-05',
      scopes: ['attendance'],
    };
    const child = { displayName: 'Ana', type: 'learner', birthYear: 2015, consent };
    const sessionInput = {
      date: '2026-11-26',
      startTime: '15:00',
      activityType: 'robotics-class',
      facilitator: 'Profe Luis',
    };
    const created = await call('sessions.create', sessionInput);
    const sessionId = (created as { value: { id: string } }).value.id;
    const person = await call('people.create', { displayName: 'Beto', type: 'teacher' });
    const personId = (person as { value: { id: string } }).value.id;

    for (const date of badDates) {
      refusedWith(
        await call('people.create', { ...child, consent: { ...consent, date } }),
        'value.error.bad-date',
      );
      refusedWith(
        await call('consent.record', { personId, consent: { ...consent, date } }),
        'value.error.bad-date',
      );
      refusedWith(await call('consent.withdraw', { personId, date }), 'value.error.bad-date');
      refusedWith(await call('sessions.create', { ...sessionInput, date }), 'value.error.bad-date');
      refusedWith(await call('sessions.list', { from: date }), 'value.error.bad-date');
      refusedWith(
        await call('exports.attendance', { format: 'csv', from: date, to: '2026-12-31' }),
        'value.error.bad-date',
      );
    }
    for (const name of badNames) {
      refusedWith(await call('people.create', { ...child, displayName: name }), 'value.error.bad-name');
      refusedWith(
        await call('people.create', { ...child, consent: { ...consent, guardianName: name } }),
        'value.error.bad-name',
      );
      refusedWith(await call('people.update', { id: personId, displayName: name }), 'value.error.bad-name');
      refusedWith(
        await call('checkin.walkIn', { sessionId, person: { ...child, displayName: name } }),
        'value.error.bad-name',
      );
      refusedWith(
        await call('sessions.create', { ...sessionInput, facilitator: name }),
        'value.error.bad-name',
      );
    }
    const people = await call('people.search', { query: '' });
    expect(
      people.ok && (people.value as { people: { displayName: string }[] }).people.map((p) => p.displayName),
    ).toEqual(['Beto']);
    const sessions = await call('sessions.list', {});
    expect(sessions.ok && (sessions.value as { sessions: unknown[] }).sessions).toHaveLength(1);
  });

  it('refuses them row by row in a roster, with the row and the reason', () => {
    const header = 'nombre;tipo;anio_nacimiento;tutor;parentesco;metodo;fecha_consentimiento;alcance';
    const rows = [
      'Ana;estudiante;2015;Rosa;madre;papel;30/02/2024;asistencia',
      'Luis;estudiante;2015;Rosa;madre;papel;9999-12-31;asistencia',
      '\u0000;estudiante;2015;;;;;',
      'Eva;estudiante;2015;\u0001\u0002;madre;papel;2026-03-05;asistencia',
      'Sol;estudiante;2015;Rosa;madre;papel;05/03/2026;asistencia',
    ];
    const { candidates, rejected } = validateRoster([header, ...rows].join('\n'), 2026);
    expect(candidates.map((candidate) => candidate.input.displayName)).toEqual(['Sol']);
    expect(rejected.map((rejection) => [rejection.row, rejection.reasonKey])).toEqual([
      [2, 'staff.import.reason.bad-consent-date'],
      [3, 'staff.import.reason.bad-consent-date'],
      [4, 'staff.import.reason.bad-name'],
      [5, 'staff.import.reason.bad-name'],
    ]);
  });

  it('refuses them in sync items the tracker receives', () => {
    const item = (date: string) => ({
      entity: 'session',
      op: 'create',
      at: '2026-11-26T15:00:00.000Z',
      payload: {
        id: '6f1c1f7e-0a4b-4e7c-9a43-6d0b2f3a9c11',
        centre: 'centro-sur',
        date,
        activityType: 'robotics-class',
      },
    });
    expect(sessionItemSchema.safeParse(item('2026-11-26')).success).toBe(true);
    for (const date of badDates) expect(sessionItemSchema.safeParse(item(date)).success, date).toBe(false);
  });

  it('refuses a roster whose header is one endless line of separators, before splitting it', () => {
    expect(() => validateRoster(';'.repeat(4_900_000))).toThrow(
      expect.objectContaining({ code: 'attendance.import-too-many-columns', params: { line: 1, max: 64 } }),
    );
    expect(() => validateRoster(`nombre;tipo\n${'x'.repeat(4_900_000)}`)).toThrow(
      expect.objectContaining({ code: 'attendance.import-line-too-long', params: { line: 2, max: 4096 } }),
    );
    // The parser alone, without limits, still reads wide files.
    expect(parseCsv(`${'a;'.repeat(99)}a`)[0].cells).toHaveLength(100);
  });
});
