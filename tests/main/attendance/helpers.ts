import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../../main/app/logger';
import { dataLayout, ensureDataLayout, type DataLayout } from '../../../main/app/data-dir';
import { openAttendanceService, type AttendanceService } from '../../../main/attendance/attendance-service';
import type { Actor } from '../../../main/attendance/actor';

export const quietLogger = (): Logger & { errors: string[] } => {
  const errors: string[] = [];
  return {
    errors,
    info: () => undefined,
    warn: () => undefined,
    error: (message: string) => void errors.push(message),
  };
};

export const admin: Actor = { role: 'admin', connectionId: 'test-admin' };
export const instructor: Actor = { role: 'instructor', connectionId: 'test-instructor' };

export const tempLayout = (): DataLayout =>
  ensureDataLayout(dataLayout(mkdtempSync(join(tmpdir(), 'chispa-att-'))));

export const openService = (layout: DataLayout, logger: Logger = quietLogger()): Promise<AttendanceService> =>
  openAttendanceService({
    database: layout.database,
    backups: layout.backups,
    exports: layout.exports,
    logger,
    store: { backupIntervalMs: 0 },
  });

export const removeLayout = (layout: DataLayout) => rmSync(layout.root, { recursive: true, force: true });

export const learner = (displayName: string, birthYear = 2014) => ({
  displayName,
  type: 'learner' as const,
  birthYear,
});

/** A guardian's paper consent to attendance and reporting (for a learner under 18). */
export const paperConsent = {
  guardianName: 'Rosa Peña',
  relation: 'mother' as const,
  method: 'paper' as const,
  date: '2026-03-01',
  scopes: ['attendance' as const, 'reporting' as const],
};
