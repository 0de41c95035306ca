/**
 * What the device knows about its enrolment and its last sync attempts, kept in the database's
 * settings table (key 'sync.*'). The secret itself is never here: see credential-store.ts.
 */
import type { IpcError } from '../../common/ipc/app-error';
import type { Sql } from '../db/sqlite';
import { readSetting, writeSetting } from '../attendance/settings-repo';

export interface Enrolment {
  tracker: string;
  deviceId: string;
  centre: string;
  country: string;
  enrolledAt: string;
  revokedAt: string | null;
}

export interface SyncRecord {
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** The latest attempt's failure; null once an attempt succeeds. */
  lastError: IpcError | null;
  /** Failures in a row since the last success (drives the backoff). */
  failures: number;
  /** Tracker clock minus this PC's clock at the latest answer (ms). */
  clockSkewMs: number | null;
}

const keys = {
  enrolment: 'sync.enrolment',
  record: 'sync.record',
} as const;

const emptyRecord: SyncRecord = {
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  failures: 0,
  clockSkewMs: null,
};

const readJson = async <T>(sql: Sql, key: string): Promise<T | null> => {
  const text = await readSetting(sql, key);
  return text === null ? null : (JSON.parse(text) as T);
};

export const readEnrolment = (sql: Sql) => readJson<Enrolment>(sql, keys.enrolment);

export const writeEnrolment = (tx: Sql, enrolment: Enrolment | null) =>
  writeSetting(tx, keys.enrolment, enrolment && JSON.stringify(enrolment));

export const readSyncRecord = async (sql: Sql): Promise<SyncRecord> => ({
  ...emptyRecord,
  ...(await readJson<SyncRecord>(sql, keys.record)),
});

export const updateSyncRecord = async (tx: Sql, patch: Partial<SyncRecord>): Promise<SyncRecord> => {
  const next = { ...(await readSyncRecord(tx)), ...patch };
  await writeSetting(tx, keys.record, JSON.stringify(next));
  return next;
};

export const resetSyncRecord = (tx: Sql) => writeSetting(tx, keys.record, null);
