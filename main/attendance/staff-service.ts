/** Staff PIN: first-run setup (admin), unlock by PIN (the PIN decides the role), lock, PIN changes. */
import type { StaffStatus } from '../../common/ipc/contract-staff';
import type { Sql } from '../db/sqlite';
import { type ConnectionSession, type StaffRole } from '../ipc/connection-session';
import type { Actor } from './actor';
import type { AttendanceStore } from './attendance-store';
import { writeAudit } from './audit-repo';
import { attendanceError, staffError } from './errors';
import { hashPin, verifyPin } from './pin-hash';
import type { PinThrottle } from './pin-throttle';
import { hashRecoveryCode, newRecoveryCode, recoveryCodeMatches } from './recovery-code';
import { readCentre, readSetting, settingKeys, writeSetting } from './settings-repo';

const pinKey = (role: StaffRole) => (role === 'admin' ? settingKeys.adminPin : settingKeys.instructorPin);

export const createStaffService = (store: AttendanceStore, throttle: PinThrottle) => {
  const roleForPin = async (sql: Sql, pin: string): Promise<StaffRole | null> => {
    if (await verifyPin(pin, await readSetting(sql, settingKeys.adminPin))) return 'admin';
    if (await verifyPin(pin, await readSetting(sql, settingKeys.instructorPin))) return 'instructor';
    return null;
  };

  return {
    async status(session: ConnectionSession): Promise<StaffStatus> {
      const storage = store.state();
      const waitMs = throttle.lockedOutMs();
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
    ): Promise<{ role: StaffRole; recoveryCode: string }> {
      // A database that lost its data while backups of the real one exist is not a first run:
      // setting a new admin PIN here would hand the staff area to whoever asks first.
      if (await store.setUpBackupExists()) throw staffError('restore-first');
      const hash = await hashPin(pin);
      const recoveryCode = newRecoveryCode();
      await store.db().write(async (tx) => {
        if ((await readSetting(tx, settingKeys.adminPin)) !== null) throw staffError('already-set-up');
        await writeSetting(tx, settingKeys.adminPin, hash);
        await writeSetting(tx, settingKeys.recoveryCode, hashRecoveryCode(recoveryCode));
        if (centre) await writeSetting(tx, settingKeys.centre, centre);
        await writeAudit(
          tx,
          { role: 'admin', connectionId: session.id },
          { action: 'staff-setup' },
          new Date().toISOString(),
        );
      });
      session.unlockStaff('admin');
      return { role: 'admin', recoveryCode };
    },

    /**
     * Opens the staff area as admin with the recovery code, even during a PIN lockout, and clears
     * that lockout. The code is used up: a new one is returned, to be shown once.
     */
    async recover(
      session: ConnectionSession,
      code: string,
    ): Promise<{ role: StaffRole; recoveryCode: string }> {
      const recoveryCode = newRecoveryCode();
      // Checked and replaced in one write: the same code sent from many tabs at once opens one.
      await store.db().write(async (tx) => {
        if (!recoveryCodeMatches(code, await readSetting(tx, settingKeys.recoveryCode))) {
          throw staffError('recovery-code-wrong');
        }
        await writeSetting(tx, settingKeys.recoveryCode, hashRecoveryCode(recoveryCode));
        await writeAudit(
          tx,
          { role: 'admin', connectionId: session.id },
          { action: 'staff-recovered' },
          new Date().toISOString(),
        );
      });
      await throttle.reset();
      session.unlockStaff('admin');
      return { role: 'admin', recoveryCode };
    },

    /** Admin makes a new recovery code (the old one stops working); shown once. */
    async renewRecoveryCode(actor: Actor): Promise<{ recoveryCode: string }> {
      const recoveryCode = newRecoveryCode();
      await store.db().write(async (tx) => {
        await writeSetting(tx, settingKeys.recoveryCode, hashRecoveryCode(recoveryCode));
        await writeAudit(tx, actor, { action: 'recovery-code-renewed' }, new Date().toISOString());
      });
      return { recoveryCode };
    },

    async unlock(session: ConnectionSession, pin: string): Promise<{ role: StaffRole }> {
      const sql = store.db().read;
      if ((await readSetting(sql, settingKeys.adminPin)) === null) throw staffError('not-set-up');
      const role = await throttle.attempt(() => roleForPin(sql, pin));
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
      await throttle.attempt(async () => ((await verifyPin(pin, stored)) ? true : null));
    },
  };
};
