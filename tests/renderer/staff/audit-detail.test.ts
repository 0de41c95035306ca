import { describe, expect, it } from 'vitest';
import { translate } from '../../../common/i18n/translate';
import { auditDetailText } from '../../../renderer/staff/audit-detail';

const es = (key: string, params?: Record<string, string | number>) => translate('es', key, params);

describe('audit log details in words', () => {
  it('says an export\'s range and activity in Spanish, not "all"', () => {
    expect(auditDetailText('export', '2026-11-01..2026-11-30 all asistencia.csv', es)).toBe(
      'Del 2026-11-01 al 2026-11-30, todas las actividades. Archivo: asistencia.csv',
    );
    expect(auditDetailText('export', '2026-11-01..2026-11-30 robotics-class a.xlsx', es)).toContain(
      'Clase de robótica',
    );
  });

  it('says which month a monthly summary export covered', () => {
    expect(auditDetailText('export', 'summary 2026-11 resumen-2026-11.xlsx', es)).toBe(
      'Resumen de 2026-11 (resumen-2026-11.xlsx)',
    );
  });

  it('says how many import rows were left out, and leaves other details as they are', () => {
    expect(auditDetailText('import', 'rejected 6 of 30', es)).toBe('6 de 30 filas no se importaron.');
    expect(auditDetailText('erase', 'algo', es)).toBe('algo');
    expect(auditDetailText('export', null, es)).toBe('');
  });
});
