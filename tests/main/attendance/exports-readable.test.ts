import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../common/attendance/csv-parse';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { csvSeparatorFor, localDateTime } from '../../../main/attendance/export-readable';
import { admin, instructor, learner, openService, removeLayout, tempLayout } from './helpers';

/** Lima is UTC−5 all year (no daylight saving), so local times are easy to check. */
const limaTime = (epochMs: number) =>
  new Date(epochMs - 5 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe("exports for people: the user's language, local times, the locale's separator", () => {
  let layout: DataLayout;
  let service: AttendanceService;
  let savedTz: string | undefined;
  let markedAround: [number, number];

  beforeEach(async () => {
    savedTz = process.env.TZ;
    process.env.TZ = 'America/Lima';
    layout = tempLayout();
    service = await openService(layout);
    const session = await service.checkIn.createSession({
      date: '2026-11-10',
      startTime: '15:00',
      activityType: 'robotics-class',
      lessons: ['Semáforo'],
      facilitator: 'Prof. Ruiz',
    });
    const child = await service.people.create({ ...learner('Benjamín Peña', 2015), sex: 'male' });
    const before = Date.now();
    await service.checkIn.mark(session.id, child.id, instructor, { confirmNoConsent: true });
    markedAround = [before, Date.now()];
  });
  afterEach(async () => {
    await service.close();
    removeLayout(layout);
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('writes a Spanish CSV that Excel in a Spanish locale splits into columns', async () => {
    const result = await service.exports.exportAttendance(
      {
        format: 'csv',
        from: '2026-11-01',
        to: '2026-11-30',
        named: true,
        confirmNamed: true,
        language: 'es',
      },
      admin,
    );
    const text = result.text ?? '';
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const firstLine = text.slice(1, text.indexOf('\r\n'));
    // Semicolons between columns (and no comma-separated header that would land in one cell).
    expect(firstLine.split(';')).toHaveLength(16);
    const [header, row] = parseCsv(text, ';').map((record) => record.cells);
    expect(header.slice(0, 12)).toEqual([
      'Código de asistencia',
      'Código de sesión',
      'Fecha',
      'Hora de inicio',
      'Actividad',
      'Centro',
      'Código de persona',
      'Tipo de persona',
      'Edad',
      'Sexo',
      'Consentimiento',
      'Llegada (hora local)',
    ]);
    expect(header.slice(12)).toEqual(['Nombre', 'Año de nacimiento', 'Facilitador/a', 'Lecciones']);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Actividad')).toBe('Clase de robótica');
    expect(cell('Tipo de persona')).toBe('Niña, niño o adolescente');
    expect(cell('Edad')).toBe('8–11 años');
    expect(cell('Sexo')).toBe('Hombre');
    expect(cell('Consentimiento')).toBe('Falta consentimiento');
    expect(cell('Nombre')).toBe('Benjamín Peña');
    // Local time of the check-in, without the UTC "Z".
    expect([limaTime(markedAround[0]), limaTime(markedAround[1])]).toContain(cell('Llegada (hora local)'));
    expect(text).not.toMatch(/robotics-class|learner|missing|Z\b/);
  });

  it('writes English with commas, and keeps the machine form when no language is asked', async () => {
    const english = await service.exports.exportAttendance(
      { format: 'csv', from: '2026-11-01', to: '2026-11-30', named: false, language: 'en' },
      admin,
    );
    const [header, row] = parseCsv(english.text ?? '', ',').map((record) => record.cells);
    expect(header[4]).toBe('Activity');
    expect(row[header.indexOf('Activity')]).toBe('Robotics class');
    expect(row[header.indexOf('Consent')]).toBe('Consent missing');
    const machine = await service.exports.exportAttendance(
      { format: 'csv', from: '2026-11-01', to: '2026-11-30', named: false },
      admin,
    );
    const [machineHeader, machineRow] = parseCsv(machine.text ?? '', ',').map((record) => record.cells);
    expect(machineHeader[4]).toBe('activity_type');
    expect(machineRow[4]).toBe('robotics-class');
    expect(machineRow[11]).toMatch(/Z$/);
  });

  it('formats instants in a given time zone and picks the separator per locale', () => {
    expect(localDateTime('2026-11-10T20:05:00.000Z', 'America/Lima')).toBe('2026-11-10 15:05');
    expect(localDateTime('2026-01-01T02:30:00.000Z', 'America/Mexico_City')).toBe('2025-12-31 20:30');
    expect([csvSeparatorFor('es'), csvSeparatorFor('en'), csvSeparatorFor(null)]).toEqual([';', ',', ',']);
  });
});
