import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthLabel, monthlySummaryRows } from '../../../common/attendance/summary-rows';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { admin, instructor, learner, openService, removeLayout, tempLayout } from './helpers';

/** Every row of the first sheet as plain values (the workbook as Excel would open it). */
const sheetRows = async (bytes: Buffer): Promise<unknown[][]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const values = sheet.getRow(number).values as unknown[];
    rows.push(values.slice(1));
  }
  return rows;
};

describe('monthly summary as XLSX (exceljs, like the attendance export)', () => {
  let layout: DataLayout;
  let service: AttendanceService;

  beforeEach(async () => {
    layout = tempLayout();
    service = await openService(layout);
    const robotics = await service.checkIn.createSession({
      date: '2026-11-10',
      startTime: '15:00',
      activityType: 'robotics-class',
      lessons: [],
      facilitator: 'Prof. Ruiz',
    });
    const teacher = await service.people.create({ displayName: 'Lucía Condori', type: 'teacher' });
    const child = await service.people.create({ ...learner('Benjamín Peña', 2015), sex: 'male' });
    for (const person of [teacher, child])
      await service.checkIn.mark(robotics.id, person.id, instructor, { confirmNoConsent: true });
  });
  afterEach(async () => {
    await service.close();
    removeLayout(layout);
  });

  it('writes Spanish headers and values, numbers as numbers, the month in words, and audits it', async () => {
    const result = await service.summaryExport.exportMonthlySummaryXlsx('2026-11', 'es', admin);
    expect(result).toMatchObject({ format: 'xlsx', named: false, fileName: 'resumen-2026-11.xlsx' });
    expect(dirname(result.filePath)).toBe(layout.exports);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.filePath);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['resumen']);

    const rows = await sheetRows(Buffer.from(result.contentBase64!, 'base64'));
    expect(rows.slice(0, 5)).toEqual([
      ['Mes', 'noviembre de 2026'],
      ['Sesiones realizadas', 1],
      ['Personas alcanzadas', 2],
      ['Asistencias', 2],
      ['Personas con datos borrados', 0],
    ]);
    expect(rows).toContainEqual(['Tipo', 'Cantidad']);
    expect(rows).toContainEqual(['Docente', 1]);
    expect(rows).toContainEqual(['Niña, niño o adolescente', 1]);
    expect(rows).toContainEqual(['Clase de robótica', 1]);
    const made = rows.find((row) => row[0] === 'Creado el');
    expect(made?.[1]).toMatch(/2\d{3}/);
    // Counts only: no name reaches the file.
    expect(JSON.stringify(rows)).not.toMatch(/Lucía|Benjamín|Ruiz/);

    const audit = await service.listAudit(5);
    expect(audit[0]).toMatchObject({
      action: 'export',
      kind: 'xlsx',
      detail: 'summary 2026-11 resumen-2026-11.xlsx',
    });
  });

  it('writes English headers for an English-speaking admin', async () => {
    const result = await service.summaryExport.exportMonthlySummaryXlsx('2026-11', 'en', admin);
    expect(result.fileName).toBe('summary-2026-11.xlsx');
    const rows = await sheetRows(Buffer.from(result.contentBase64!, 'base64'));
    expect(rows[0]).toEqual(['Month', 'November 2026']);
    expect(rows[1]).toEqual(['Sessions held', 1]);
  });

  it('shows the moment the file was made in local words, in the given time zone', () => {
    const summary = {
      month: '2026-01',
      sessionsHeld: 0,
      sessionsByActivity: [],
      attendances: 0,
      peopleReached: 0,
      erasedPeople: 0,
      byType: [],
      bySex: [],
      byAgeBand: [],
      chart: { categories: [], series: [] },
    };
    const rows = monthlySummaryRows(summary, 'es', {
      at: new Date('2026-01-31T23:30:00Z'),
      timeZone: 'America/Lima',
    });
    expect(rows.at(-1)?.[0]).toBe('Creado el');
    // 23:30 UTC is 18:30 in Lima, the same day.
    expect(String(rows.at(-1)?.[1])).toMatch(/^31 ene 2026,? 18:30$/);
    expect(monthLabel('2026-01', 'es')).toBe('enero de 2026');
  });
});
