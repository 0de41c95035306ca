/** What a backup file holds, read without changing it (read-only connection). */
import { openSqlite } from '../db/sqlite';
import { readSetting, settingKeys } from './settings-repo';

/** True when the backup is of a set-up database (an admin PIN is stored in it): real data. */
export const backupIsSetUp = async (path: string): Promise<boolean> => {
  try {
    const db = await openSqlite(path, { readOnly: true });
    try {
      return (await readSetting(db, settingKeys.adminPin)) !== null;
    } finally {
      await db.close();
    }
  } catch {
    return false;
  }
};
