import type { Sql } from '../db/sqlite';

/** Key/value settings kept in the database (PIN hashes, centre code, failed-PIN counter). */
export const readSetting = async (sql: Sql, key: string): Promise<string | null> =>
  (await sql.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]))?.value ?? null;

export const writeSetting = async (tx: Sql, key: string, value: string | null): Promise<void> => {
  if (value === null) await tx.run('DELETE FROM settings WHERE key = ?', [key]);
  else
    await tx.run(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
};

export const settingKeys = {
  adminPin: 'staff.pin.admin',
  instructorPin: 'staff.pin.instructor',
  recoveryCode: 'staff.recovery-code',
  centre: 'centre',
} as const;

export const defaultCentre = 'centro-local';

export const readCentre = async (sql: Sql): Promise<string> =>
  (await readSetting(sql, settingKeys.centre)) ?? defaultCentre;
