/** Staff PIN: first-run setup (admin), unlock by PIN (the PIN decides the role), lock, PIN changes. */
import type { StaffStatus } from '../../common/ipc/contract-staff';
import type { Sql } from '../db/sqlite';
import { type ConnectionSession, type StaffRole } from '../ipc/connection-session';
import type { Actor } from './actor';
import type { AttendanceStore } from './attendance-store';
import { writeAudit } from './audit-repo';
import { attendanceError, staffError } from './errors';
import {
  attemptsLeft,
  initialPinAttempts,
  lockedOutMs,
  parsePinAttempts,
  recordFailure,
  type PinAttemptState,
} from './pin-attempts';
import { hashPin, verifyPin } from './pin-hash';
import { readCentre, readSetting, settingKeys, writeSetting } from './settings-repo';

const pinKey = (role: StaffRole) => (role === 'admin' ? settingKeys.adminPin : settingKeys.instructorPin);

export const createStaffService = (store: AttendanceStore, options: { now?: () => number } = {}) => {
  const now = options.now ?? Date.now;
  let attempts: PinAttemptState | null = null;

  const loadAttempts = async (): Promise<PinAttemptState> => {
    if (attempts) return attempts;
    attempts =
      store.state() === 'ok'
        ? parsePinAttempts(await readSetting(store.db().read, settingKeys.pinFailures))
        : initialPinAttempts;
    return attempts;
  };

  const saveAttempts = async (next: PinAttemptState) => {
    attempts = next;
    if (store.state() === 'ok') {
      await store.db().write((tx) => writeSetting(tx, settingKeys.pinFailures, JSON.stringify(next)));
    }
  };

  /** Throws pin-locked-out while locked; after a wrong PIN records it and throws pin-wrong / locked-out. */
  const guardAttempt = async <T>(check: () => Promise<T | null>): Promise<T> => {
    const state = await loadAttempts();
    const waitMs = lockedOutMs(state, now());
    if (waitMs > 0) throw staffError('pin-locked-out', { retryInSeconds: Math.ceil(waitMs / 1000) });
    const result = await check();
    if (result !== null) {
      if (state.failures > 0) await saveAttempts(initialPinAttempts);
      return result;
    }
    const next = recordFailure(state, now());
    await saveAttempts(next);
    const lockMs = lockedOutMs(next, now());
    if (lockMs > 0) throw staffError('pin-locked-out', { retryInSeconds: Math.ceil(lockMs / 1000) });
    throw staffError('pin-wrong', { attemptsLeft: attemptsLeft(next) });
  };

  const roleForPin = async (sql: Sql, pin: string): Promise<StaffRole | null> => {
    if (await verifyPin(pin, await readSetting(sql, settingKeys.adminPin))) return 'admin';
    if (await verifyPin(pin, await readSetting(sql, settingKeys.instructorPin))) return 'instructor';
    return null;
  };

  return {
    async status(session: ConnectionSession): Promise<StaffStatus> {
      const storage = store.state();
      const waitMs = lockedOutMs(await loadAttempts(), now());
      const base = {
        role: session.staffRole(),
        idleLockMs: session.idleMs,
        lockedOutSeconds: Math.ceil(waitMs / 1000),
        storage,
      };
      if (storage !== 'ok') return { ...base, setUp: false, instructorPinSet: false, centre: '' };
      const sql = store.db().read;
      return {
        ...base,
        setUp: (await readSetting(sql, settingKeys.adminPin)) !== null,
        instructorPinSet: (await readSetting(sql, settingKeys.instructorPin)) !== null,
        centre: await readCentre(sql),
      };
    },

    async setup(
      session: ConnectionSession,
      pin: string,
      centre: string | undefined,
    ): Promise<{ role: StaffRole }> {
      const hash = await hashPin(pin);
      await store.db().write(async (tx) => {
        if ((await readSetting(tx, settingKeys.adminPin)) !== null) throw staffError('already-set-up');
        await writeSetting(tx, settingKeys.adminPin, hash);
        if (centre) await writeSetting(tx, settingKeys.centre, centre);
        await writeAudit(
          tx,
          { role: 'admin', connectionId: session.id },
          { action: 'staff-setup' },
          new Date().toISOString(),
        );
      });
      session.unlockStaff('admin');
      return { role: 'admin' };
    },

    async unlock(session: ConnectionSession, pin: string): Promise<{ role: StaffRole }> {
      const sql = store.db().read;
      if ((await readSetting(sql, settingKeys.adminPin)) === null) throw staffError('not-set-up');
      const role = await guardAttempt(() => roleForPin(sql, pin));
      session.unlockStaff(role);
      return { role };
    },

    lock(session: ConnectionSession) {
      session.lockStaff();
      return { locked: true as const };
    },

    async setPin(role: StaffRole, pin: string, actor: Actor) {
      const hash = await hashPin(pin);
      const other: StaffRole = role === 'admin' ? 'instructor' : 'admin';
      const db = store.db();
      if (await verifyPin(pin, await readSetting(db.read, pinKey(other)))) throw staffError('pin-in-use');
      await db.write(async (tx) => {
        await writeSetting(tx, pinKey(role), hash);
        await writeAudit(tx, actor, { action: 'pin-set', kind: role }, new Date().toISOString());
      });
      return { role, set: true as const };
    },

    async clearInstructorPin(actor: Actor) {
      await store.db().write(async (tx) => {
        await writeSetting(tx, settingKeys.instructorPin, null);
        await writeAudit(tx, actor, { action: 'pin-cleared', kind: 'instructor' }, new Date().toISOString());
      });
      return { cleared: true as const };
    },

    async setCentre(centre: string) {
      await store.db().write((tx) => writeSetting(tx, settingKeys.centre, centre));
      return { centre };
    },

    /** For restoring a backup: the admin PIN stored in that backup must match (rate-limited too). */
    async authoriseWithBackup(backup: Sql, pin: string): Promise<void> {
      const stored = await readSetting(backup, settingKeys.adminPin);
      if (stored === null) throw attendanceError('backup-no-pin');
      await guardAttempt(async () => ((await verifyPin(pin, stored)) ? true : null));
    },
  };
};

export type StaffService = ReturnType<typeof createStaffService>;
