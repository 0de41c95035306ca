import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { openSqlite } from '../../../main/db/sqlite';
import { messages } from '../../../common/i18n/messages';
import { admin, openService, removeLayout, tempLayout } from './helpers';

// A roster as Spanish-locale Excel saves it: BOM, ';' separators, quoted cells, CRLF.
const roster = [
  '\uFEFFNombre;Tipo;Año de nacimiento;Sexo;Tutor;Parentesco;Método;Fecha consentimiento;Alcance',
  '"Peña, José";estudiante;2014;M;Rosa Peña;madre;papel;05/03/2026;asistencia|reporte',
  'Ana Gómez;docente;;F;;;;;',
  ';estudiante;2015;F;;;;;',
  'Luis Díaz;marciano;2015;M;;;;;',
  'Sara Ruiz;estudiante;;F;;;;;',
  'Tomás Paz;estudiante;2030;M;;;;;',
  'Eva Luna;estudiante;2013;F;Carlos;padre;papel;;asistencia',
  'Marta Sol;cuidadora;1985;F;;;;;',
  '"Peña, José";estudiante;2014;M;;;;;',
  'Leo Mar;estudiante;2016;Z;;;;;',
].join('\r\n');

describe('roster import', () => {
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

  it('imports the good rows only and reports each bad row with its row number and a reason in both languages', async () => {
    const result = await service.roster.importRoster(roster, false, admin);
    expect(result.totalRows).toBe(10);
    expect(result.accepted).toBe(3);
    expect(result.rejected.map((r) => [r.row, r.reasonKey.replace('staff.import.reason.', '')])).toEqual([
      [4, 'missing-name'],
      [5, 'bad-type'],
      [6, 'missing-birth-year'],
      [7, 'birth-year-future'],
      [8, 'incomplete-consent'],
      [10, 'duplicate-in-file'],
      [11, 'bad-sex'],
    ]);
    expect(result.rejected.find((r) => r.row === 10)?.params).toEqual({ other: 2 });
    for (const rejection of result.rejected) {
      expect(messages.es[rejection.reasonKey]).toBeTruthy();
      expect(messages.en[rejection.reasonKey]).toBeTruthy();
    }
    const people = await service.people.search({ query: '', includeDeleted: true, limit: 50 });
    expect(people.map((p) => p.displayName).sort()).toEqual(['Ana Gómez', 'Marta Sol', 'Peña, José']);
    expect(people.find((p) => p.displayName === 'Peña, José')).toMatchObject({
      consentState: 'given',
      consent: {
        guardianName: 'Rosa Peña',
        relation: 'mother',
        method: 'paper',
        date: '2026-03-05',
        scopes: ['attendance', 'reporting'],
      },
    });
    expect((await service.listAudit(1))[0]).toMatchObject({ action: 'import', rowCount: 3 });
  });

  it('rejects people already in the log on a second import, and a dry run writes nothing', async () => {
    const dry = await service.roster.importRoster(roster, true, admin);
    expect(dry).toMatchObject({ accepted: 3, dryRun: true, createdIds: [] });
    expect(await service.people.search({ query: '', includeDeleted: true, limit: 5 })).toEqual([]);
    await service.roster.importRoster(roster, false, admin);
    const again = await service.roster.importRoster(roster, false, admin);
    expect(again.accepted).toBe(0);
    expect(
      again.rejected.filter((r) => r.reasonKey.endsWith('duplicate-existing')).map((r) => r.row),
    ).toEqual([2, 3, 9]);
  });

  it('imports nothing at all when the transaction fails half way', async () => {
    // Make the database refuse the 2nd good row, as a full disk or crash would mid-import.
    const db = await openSqlite(layout.database);
    await db.exec(
      "CREATE TRIGGER refuse_marta BEFORE INSERT ON people WHEN NEW.display_name = 'Marta Sol' BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    );
    await db.close();
    await expect(service.roster.importRoster(roster, false, admin)).rejects.toThrow(/disk full/);
    const check = await openSqlite(layout.database);
    expect(await check.get('SELECT COUNT(*) AS n FROM people')).toEqual({ n: 0 });
    expect(await check.get('SELECT COUNT(*) AS n FROM outbox')).toEqual({ n: 0 });
    await check.close();
  });

  it('refuses a file without the required columns, naming them as a header would', async () => {
    await expect(service.roster.importRoster('apellido;edad\nPeña;12', false, admin)).rejects.toMatchObject({
      code: 'attendance.import-no-header',
      params: { columns: 'nombre, tipo' },
    });
    await expect(service.roster.importRoster('\uFEFF\r\n', false, admin)).rejects.toMatchObject({
      code: 'attendance.import-empty',
    });
  });
});
