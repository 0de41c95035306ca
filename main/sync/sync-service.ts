/**
 * The app's side of the central tracker: enrolment, automatic and manual sync rounds with capped
 * exponential backoff (full jitter), the honest status for the staff area, and USB bundles.
 * One round at a time; every database access goes through the attendance store of the moment
 * (a restored backup is picked up).
 */
import type { SyncBundleResult, SyncProblem, SyncState, SyncStatus } from '../../common/ipc/contract-sync';
import { AppError } from '../../common/ipc/app-error';
import type { Logger } from '../app/logger';
import type { Actor } from '../attendance/actor';
import type { AttendanceStore } from '../attendance/attendance-store';
import { settingKeys, writeSetting } from '../attendance/settings-repo';
import { backoffDelayMs, defaultBackoff, type BackoffPolicy } from './backoff';
import { exportSyncBundle } from './bundle-export';
import type { CredentialStore, DeviceCredential } from './credential-store';
import { syncError } from './errors';
import { listSyncProblems, readSyncCounts } from './sync-counts';
import { resetProgress } from './sync-batches';
import { clockSkewMs, isClockSuspect, runSyncRound, type RoundTotals } from './sync-round';
import {
  readEnrolment,
  readSyncRecord,
  resetSyncRecord,
  updateSyncRecord,
  writeEnrolment,
  type Enrolment,
} from './sync-settings';
import { parseTrackerAddress } from './tracker-address';
import { createTrackerClient, SyncFailure, type TrackerClient } from './tracker-client';

export interface SyncServiceOptions {
  store: AttendanceStore;
  credentials: CredentialStore;
  exportsDir: string;
  logger: Logger;
  /** Automatic sync every this many ms while enrolled (default 10 minutes; 0: only "Sync now"). */
  intervalMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  now?: () => Date;
  clientFor?: (tracker: string) => TrackerClient;
  /** Told when a round starts or ends and when the enrolment changes. */
  onChange?: (state: SyncState) => void;
}

export type RoundOutcome = { ok: true; totals: RoundTotals } | { ok: false; error: AppError };

const asFailure = (error: unknown): SyncFailure =>
  error instanceof SyncFailure
    ? error
    : new SyncFailure(
        error instanceof AppError ? error : syncError('internal', undefined, { cause: error }),
        !(error instanceof AppError),
      );

export const createSyncService = (options: SyncServiceOptions) => {
  const now = options.now ?? (() => new Date());
  const iso = () => now().toISOString();
  const clientFor = options.clientFor ?? ((tracker: string) => createTrackerClient(tracker));
  const intervalMs = options.intervalMs ?? 10 * 60_000;
  const db = () => options.store.db();
  let running: Promise<RoundOutcome> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let nextAttemptAt: Date | null = null;
  let disposed = false;

  const schedule = (delayMs: number | null) => {
    if (timer) clearTimeout(timer);
    timer = null;
    nextAttemptAt = null;
    if (delayMs === null || disposed) return;
    nextAttemptAt = new Date(Date.now() + delayMs);
    timer = setTimeout(() => {
      timer = null;
      nextAttemptAt = null;
      void startRound();
    }, delayMs);
    timer.unref();
  };

  const credentialFor = async (enrolment: Enrolment | null): Promise<DeviceCredential> => {
    if (!enrolment) throw syncError('not-enrolled');
    if (enrolment.revokedAt) throw new SyncFailure(syncError('device-revoked'), false, true);
    const credential = await options.credentials.load();
    if (!credential || credential.deviceId !== enrolment.deviceId) throw syncError('not-enrolled');
    return credential;
  };

  const round = async (): Promise<RoundOutcome> => {
    const enrolment = await readEnrolment(db().read);
    try {
      const credential = await credentialFor(enrolment);
      await db().write((tx) => updateSyncRecord(tx, { lastAttemptAt: iso() }));
      const totals = await runSyncRound({
        db: db(),
        client: clientFor(enrolment!.tracker),
        token: credential.token,
        centre: enrolment!.centre,
        now,
      });
      await db().write((tx) => updateSyncRecord(tx, { lastSuccessAt: iso(), lastError: null, failures: 0 }));
      schedule(intervalMs > 0 ? intervalMs : null);
      return { ok: true, totals };
    } catch (error) {
      const failure = asFailure(error);
      if (!failure.retryable) options.logger.warn(`sync failed: ${failure.code}`, error);
      const record = await db().write(async (tx) => {
        if (failure.code === 'sync.device-revoked' && enrolment && !enrolment.revokedAt) {
          await writeEnrolment(tx, { ...enrolment, revokedAt: iso() });
        }
        const previous = await readSyncRecord(tx);
        return updateSyncRecord(tx, {
          lastAttemptAt: iso(),
          lastError: failure.toIpcError(),
          failures: previous.failures + 1,
        });
      });
      const backoff = backoffDelayMs(record.failures, options.backoff ?? defaultBackoff, options.random);
      const wait = Math.max(backoff, (failure.retryAfterSeconds ?? 0) * 1000);
      schedule(failure.retryable && intervalMs > 0 ? wait : null);
      return { ok: false, error: failure };
    }
  };

  const startRound = (): Promise<RoundOutcome> => {
    if (!running) {
      running = round().finally(() => {
        running = null;
        void status().then(
          (after) => options.onChange?.(after.state),
          () => undefined,
        );
      });
      options.onChange?.('running');
    }
    return running;
  };

  const status = async (): Promise<SyncStatus> => {
    const sql = db().read;
    const [enrolment, record, counts] = await Promise.all([
      readEnrolment(sql),
      readSyncRecord(sql),
      readSyncCounts(sql),
    ]);
    const state: SyncStatus['state'] = !enrolment
      ? 'not-enrolled'
      : enrolment.revokedAt
        ? 'revoked'
        : running
          ? 'running'
          : record.lastError
            ? 'failing'
            : record.lastSuccessAt
              ? 'ok'
              : 'never-synced';
    return {
      state,
      enrolment: enrolment && { ...enrolment, credential: options.credentials.protection },
      lastSuccessAt: record.lastSuccessAt,
      lastAttemptAt: record.lastAttemptAt,
      lastError: record.lastError,
      nextAttemptAt: nextAttemptAt?.toISOString() ?? null,
      clockSkewMs: record.clockSkewMs,
      clockSuspect: isClockSuspect(record.clockSkewMs),
      counts,
    };
  };

  return {
    status,

    async enrol(address: string, code: string): Promise<SyncStatus> {
      const tracker = parseTrackerAddress(address).toString().replace(/\/$/, '');
      await running;
      const sentAt = Date.now();
      const answer = await clientFor(tracker).enrol(code.trim());
      const skew = clockSkewMs(answer.serverTime, sentAt, Date.now());
      const { deviceId, credential, bundleKey, centre } = answer.body;
      await options.credentials.save({ deviceId, token: credential, bundleKey });
      await db().write(async (tx) => {
        const previous = await readEnrolment(tx);
        // Another tracker or centre has none of this PC's rows: everything goes again.
        if (!previous || previous.tracker !== tracker || previous.centre !== centre.code) {
          await resetProgress(tx);
        }
        await writeEnrolment(tx, {
          tracker,
          deviceId,
          centre: centre.code,
          country: centre.country,
          enrolledAt: iso(),
          revokedAt: null,
        });
        // New people and sessions get the centre's code, so two PCs of one centre agree on ids.
        await writeSetting(tx, settingKeys.centre, centre.code);
        await resetSyncRecord(tx);
        await updateSyncRecord(tx, { clockSkewMs: skew });
      });
      schedule(intervalMs > 0 ? 1_000 : null);
      const after = await status();
      options.onChange?.(after.state);
      return after;
    },

    /** Starts a round (or joins the running one) and answers at once with the status. */
    async syncNow(): Promise<SyncStatus> {
      await credentialFor(await readEnrolment(db().read));
      void startRound();
      return status();
    },

    /** Runs a round to its end (tests, benchmarks, and the automatic timer). */
    runRound: startRound,

    problems: async (limit: number): Promise<SyncProblem[]> => listSyncProblems(db().read, limit),

    async exportBundle(actor: Actor): Promise<SyncBundleResult> {
      const enrolment = await readEnrolment(db().read);
      if (!enrolment) throw syncError('not-enrolled');
      const credential = await options.credentials.load();
      if (!credential) throw syncError('not-enrolled');
      return exportSyncBundle({
        db: db(),
        enrolment,
        credential,
        exportsDir: options.exportsDir,
        actor,
        now,
      });
    },

    /** Schedules the first automatic round when the PC is enrolled. */
    async start(): Promise<void> {
      if (intervalMs <= 0 || options.store.state() !== 'ok') return;
      const enrolment = await readEnrolment(db().read);
      if (enrolment && !enrolment.revokedAt) schedule(5_000);
    },

    async dispose(): Promise<void> {
      disposed = true;
      schedule(null);
      await running;
    },
  };
};

export type SyncService = ReturnType<typeof createSyncService>;
