import { z } from 'zod';
import { defineCall } from './define';

/**
 * Staff PIN calls (issue 6). The default screen is the student's; these calls open and close the
 * staff area for this connection (window or tab). They are 'student' calls themselves: they are
 * how a locked screen becomes a staff screen. Setting PINs needs the admin role.
 *
 * PIN rules: 4 to 8 digits. The first PIN (set at first run by `staff.setup`) is the centre
 * admin's. The admin can then set an instructor PIN; both PINs must differ (the PIN decides the
 * role). Wrong PINs are rate-limited per device: after a few failures the unlock call answers
 * `staff.pin-locked-out` with `params.retryInSeconds`.
 *
 * Error codes (message keys in common/i18n/{es,en}/staff.json):
 * - `staff.not-set-up` (staff.error.not-set-up): unlock before setup.
 * - `staff.already-set-up` (staff.error.already-set-up): setup called twice.
 * - `staff.pin-wrong` (staff.error.pin-wrong, params.attemptsLeft).
 * - `staff.pin-locked-out` (staff.error.pin-locked-out, params.retryInSeconds).
 * - `staff.pin-in-use` (staff.error.pin-in-use): the new PIN equals the other role's PIN.
 * - `staff.restore-first` (staff.error.restore-first): setup refused while backups of a set-up
 *   database exist (the data was lost: restore a backup instead of starting again).
 * - `staff.recovery-code-wrong` (staff.error.recovery-code-wrong).
 * - `db.corrupt` (staff.error.db-corrupt): the database file is damaged; see `storage.status`.
 * Generic: `staff-locked` (no staff session or it lapsed after idle), `forbidden` (instructor on an
 * admin call).
 */
export const staffRoleSchema = z.enum(['instructor', 'admin']);
export type StaffRoleName = z.infer<typeof staffRoleSchema>;

export const staffPinSchema = z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits');

/** State of the local attendance database, shown before anything else in the staff area. */
export const storageStateSchema = z.enum(['ok', 'corrupt', 'unavailable']);
export type StorageState = z.infer<typeof storageStateSchema>;

export const staffStatusSchema = z.object({
  /** False until the admin PIN has been set (first run: show the setup screen). */
  setUp: z.boolean(),
  /** Role of THIS connection, or null when the staff area is locked (also after idle). */
  role: staffRoleSchema.nullable(),
  instructorPinSet: z.boolean(),
  /** The staff area locks itself after this much inactivity. */
  idleLockMs: z.number().int().positive(),
  /** Seconds until unlock may be tried again after too many wrong PINs; 0 when allowed. */
  lockedOutSeconds: z.number().int().min(0),
  /** When 'corrupt', call storage.status and offer the latest backup. */
  storage: storageStateSchema,
  /** Centre code used for new people and sessions. */
  centre: z.string(),
});
export type StaffStatus = z.infer<typeof staffStatusSchema>;

const roleResultSchema = z.object({ role: staffRoleSchema });
/** Shown once, to be written down: opens the staff area as admin during a PIN lockout. */
const recoveryCodeSchema = z.string().regex(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
const recoveryCodeInputSchema = z.string().trim().min(1).max(40);

export const staffCalls = {
  'staff.status': defineCall({ args: z.object({}).strict(), result: staffStatusSchema, access: 'student' }),
  /**
   * First run only: sets the admin PIN (and optionally the centre code) and unlocks as admin.
   * Returns the recovery code, to be shown once.
   */
  'staff.setup': defineCall({
    args: z
      .object({
        pin: staffPinSchema,
        centre: z.string().trim().min(1).max(40).optional(),
      })
      .strict(),
    result: roleResultSchema.extend({ recoveryCode: recoveryCodeSchema }),
    access: 'student',
  }),
  /** The PIN decides the role: the admin PIN unlocks as admin, the instructor PIN as instructor. */
  'staff.unlock': defineCall({
    args: z.object({ pin: staffPinSchema }).strict(),
    result: roleResultSchema,
    access: 'student',
  }),
  /**
   * The recovery code opens the staff area as admin even while wrong PINs keep it locked out,
   * and clears the lockout. The code is used up; the new one comes back, to be shown once.
   */
  'staff.recover': defineCall({
    args: z.object({ code: recoveryCodeInputSchema }).strict(),
    result: roleResultSchema.extend({ recoveryCode: recoveryCodeSchema }),
    access: 'student',
  }),
  /** Admin makes a new recovery code (the old one stops working). */
  'staff.renewRecoveryCode': defineCall({
    args: z.object({}).strict(),
    result: z.object({ recoveryCode: recoveryCodeSchema }),
    access: 'admin',
  }),
  'staff.lock': defineCall({
    args: z.object({}).strict(),
    result: z.object({ locked: z.literal(true) }),
    access: 'student',
  }),
  /** Admin sets (or changes) the instructor PIN or their own admin PIN. */
  'staff.setPin': defineCall({
    args: z.object({ role: staffRoleSchema, pin: staffPinSchema }).strict(),
    result: z.object({ role: staffRoleSchema, set: z.literal(true) }),
    access: 'admin',
  }),
  /** Admin removes the instructor PIN (instructors can no longer unlock). */
  'staff.clearInstructorPin': defineCall({
    args: z.object({}).strict(),
    result: z.object({ cleared: z.literal(true) }),
    access: 'admin',
  }),
  /** Admin sets the centre code stamped on new people and sessions. */
  'staff.setCentre': defineCall({
    args: z.object({ centre: z.string().trim().min(1).max(40) }).strict(),
    result: z.object({ centre: z.string() }),
    access: 'admin',
  }),
};

export type StaffCallName = keyof typeof staffCalls;
