/**
 * Named exports (files with people's names) are not kept for ever in the exports folder: the
 * admin sets how many days they stay (default 7; 0 = removed at the next sweep). Swept at start,
 * after each export and when the period changes. Pseudonymous exports are not touched.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Sql } from '../db/sqlite';
import { isNamedExport } from './erasure';
import { readSetting, writeSetting } from './settings-repo';

export const namedExportRetentionKey = 'exports.named-retention-days';
export const defaultNamedExportRetentionDays = 7;

export const readNamedExportRetention = async (sql: Sql): Promise<number> => {
  const text = await readSetting(sql, namedExportRetentionKey);
  const value = text === null ? Number.NaN : Number(text);
  return Number.isInteger(value) && value >= 0 ? value : defaultNamedExportRetentionDays;
};

export const writeNamedExportRetention = (tx: Sql, days: number): Promise<void> =>
  writeSetting(tx, namedExportRetentionKey, String(days));

/** Removes named exports older than `days`; returns the names removed. */
export const sweepNamedExports = (dir: string, days: number, now = Date.now()): string[] => {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!isNamedExport(name)) continue;
    const path = join(dir, name);
    if (now - statSync(path).mtimeMs >= days * 86_400_000) {
      rmSync(path, { force: true });
      removed.push(name);
    }
  }
  return removed;
};
