import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../common/attendance/csv-parse';
import { pseudonymousExportColumns } from '../../../common/ipc/contract-attendance';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { admin, instructor, learner, openService, removeLayout, tempLayout } from './helpers';

describe('attendance exports', () => {
  let layout: DataLayout;
  let service: AttendanceService;
  let ids: { formula: string; child: string; robotics: string; safety: string };

  beforeEach(async () => {
    layout = tempLayout();
    service = await openService(layout);
    const robotics = await service.checkIn.createSession({
      date: '2026-11-10',
      startTime: '15:00',
      activityType: 'robotics-class',
      lessons: ['Semáforo'],
      facilitator: 'Prof. Ruiz',
    });
    const safety = await service.checkIn.createSession({
      date: '2026-11-12',
      startTime: '18:30',
      activityType: 'digital-safety-family',
      lessons: [],
      facilitator: 'Prof. Ruiz',
    });
    const outside = await service.checkIn.createSession({
      date: '2026-12-01',
      startTime: '09:00',
      activityType: 'robotics-class',
      lessons: [],
      facilitator: 'Otro',
    });
    const formula = await service.people.create({
      displayName: '=HYPERLINK("http://evil","clic")',
      type: 'teacher',
    });
    const child = await service.people.create({ ...learner('+Niña Mínima', 2015), sex: 'female' });
    const gone = await service.people.create({ displayName: 'Quitado', type: 'teacher' });
    // The child has no guardian consent yet: staff confirmed each check-in (kept on this PC).
    const confirmed = { confirmNoConsent: true };
    for (const person of [formula, child, gone])
      await service.checkIn.mark(robotics.id, person.id, instructor, confirmed);
    await service.checkIn.unmark(robotics.id, gone.id, instructor);
    await service.checkIn.mark(safety.id, child.id, instructor, confirmed);
    await service.checkIn.mark(outside.id, child.id, instructor, confirmed);
    ids = { formula: formula.id, child: child.id, robotics: robotics.id, safety: safety.id };
  });
  afterEach(async () => {
    await service.close();
    removeLayout(layout);
  });

  it('exports pseudonymous CSV by default: BOM, no names, only present people in range', async () => {
    const result = await service.exports.exportAttendance(
      { format: 'csv', from: '2026-11-01', to: '2026-11-30', named: false },
      admin,
    );
    expect(result.rowCount).toBe(3);
    expect(dirname(result.filePath)).toBe(layout.exports);
    const bytes = readFileSync(result.filePath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(result.contentBase64!, 'base64').equals(bytes)).toBe(true);
    expect(result.text).toBe(bytes.toString('utf8'));
    const [header, ...rows] = parseCsv(result.text!, ',').map((record) => record.cells);
    expect(header).toEqual([...pseudonymousExportColumns]);
    expect(rows.map((row) => [row[1], row[6]])).toEqual([
      [ids.robotics, ids.formula],
      [ids.robotics, ids.child],
      [ids.safety, ids.child],
    ]);
    expect(result.text).not.toMatch(/HYPERLINK|Niña|Quitado|Ruiz|Semáforo/);
    expect(rows[1]).toEqual(expect.arrayContaining(['learner', '8-11', 'female', 'missing']));
  });

  it('filters by activity type', async () => {
    const result = await service.exports.exportAttendance(
      { format: 'csv', from: '2026-11-01', to: '2026-12-31', activityType: 'robotics-class', named: false },
      admin,
    );
    expect(result.rowCount).toBe(3);
    expect(
      parseCsv(result.text!, ',')
        .slice(1)
        .map((record) => record.cells[4]),
    ).toEqual(['robotics-class', 'robotics-class', 'robotics-class']);
  });

  it('names people only with explicit confirmation, neutralising formula-like names, and audits every export', async () => {
    await expect(
      service.exports.exportAttendance(
        { format: 'csv', from: '2026-11-01', to: '2026-11-30', named: true },
        admin,
      ),
    ).rejects.toMatchObject({ code: 'attendance.export-named-unconfirmed' });
    const named = await service.exports.exportAttendance(
      { format: 'csv', from: '2026-11-01', to: '2026-11-30', named: true, confirmNamed: true },
      admin,
    );
    const rows = parseCsv(named.text!, ',').map((record) => record.cells);
    expect(rows[0].slice(-4)).toEqual(['display_name', 'birth_year', 'facilitator', 'lessons']);
    expect(rows[1][12]).toBe(`'=HYPERLINK("http://evil","clic")`);
    expect(rows[2][12]).toBe("'+Niña Mínima");
    const audit = await service.listAudit(10);
    expect(audit.map((entry) => [entry.action, entry.kind, entry.named, entry.rowCount])).toEqual([
      ['export', 'csv', true, 3],
    ]);
  });

  it('writes XLSX that a spreadsheet library reads back, with text cells (no formulas)', async () => {
    const result = await service.exports.exportAttendance(
      { format: 'xlsx', from: '2026-11-01', to: '2026-11-30', named: true, confirmNamed: true },
      instructor,
    );
    expect(result.text).toBeNull();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.filePath);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(4);
    const cell = sheet.getRow(2).getCell(13);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://evil","clic")');
    expect((await service.listAudit(1))[0]).toMatchObject({ kind: 'xlsx', named: true, role: 'instructor' });
  });

  it('refuses an inverted or over-long date range', async () => {
    await expect(
      service.exports.exportAttendance(
        { format: 'csv', from: '2026-12-01', to: '2026-11-01', named: false },
        admin,
      ),
    ).rejects.toMatchObject({ code: 'attendance.export-range' });
    await expect(
      service.exports.exportAttendance(
        { format: 'csv', from: '2024-01-01', to: '2026-01-01', named: false },
        admin,
      ),
    ).rejects.toMatchObject({ code: 'attendance.export-range' });
  });

  it('summarises the month: sessions held and people reached', async () => {
    const summary = await service.summary.monthlySummary('2026-11');
    expect(summary).toMatchObject({ sessionsHeld: 2, attendances: 3, peopleReached: 2 });
    expect(summary.byType.filter((entry) => entry.count > 0)).toEqual([
      { type: 'learner', count: 1 },
      { type: 'teacher', count: 1 },
    ]);
  });
});
