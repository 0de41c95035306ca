import { localeSchema } from '../i18n/locale';
import { z } from 'zod';
import { defineCall } from './define';
import {
  activityTypeSchema,
  attendanceEntrySchema,
  auditEntrySchema,
  backupInfoSchema,
  birthYearSchema,
  checkInResultSchema,
  consentInputSchema,
  dateSchema,
  displayNameSchema,
  exportArgsSchema,
  exportResultSchema,
  idSchema,
  importResultSchema,
  monthSchema,
  monthlySummarySchema,
  personInputSchema,
  personSchema,
  personSearchHitSchema,
  personTypeSchema,
  sessionInputSchema,
  sessionSchema,
  sexSchema,
  storageStatusSchema,
} from './attendance-schemas';
import { staffPinSchema } from './contract-staff';
import { maxWireTextChars } from './wire';

/**
 * Attendance log (issue 6, docs/architecture.md, "Attendance and privacy"): people, guardian consent, sessions, check-in,
 * exports, monthly summary, roster import, audit log, database backups.
 *
 * Ids are UUIDs made on the device. Dates are 'YYYY-MM-DD' (local calendar date), times 'HH:MM',
 * timestamps ISO 8601 UTC strings. Access: 'staff' = any staff PIN, 'admin' = centre admin PIN.
 *
 * Error codes (message keys in common/i18n/{es,en}/staff.json, key = `staff.error.<code after the dot>`):
 * - `db.corrupt` (staff.error.db-corrupt): database damaged; every call below except storage.* fails with it.
 * - `attendance.person-not-found`, `attendance.session-not-found`, `attendance.backup-not-found`
 * - `attendance.person-deleted` (check-in of a soft-deleted or erased person)
 * - `attendance.consent-withdrawn` (check-in of a minor whose guardian withdrew consent)
 * - `attendance.consent-unconfirmed` (check-in of a minor without consent, not confirmed by staff)
 * - `attendance.consent-scopes-empty`, `attendance.consent-scopes-attendance` (a consent record
 *   must name its scopes, 'attendance' among them)
 * - `attendance.birth-year-required` (learners need a birth year), `attendance.birth-year-future`
 * - `attendance.consent-not-minor` (consent record for an adult), `attendance.consent-missing` (withdraw with none)
 * - `attendance.export-named-unconfirmed` (named export without confirmNamed: true)
 * - `attendance.export-range` (from after to, or a range over 366 days)
 * - `attendance.import-empty`, `attendance.import-no-header` (missing required columns, params.columns)
 * - `attendance.import-too-many-rows`
 * - `attendance.backup-invalid` (backup damaged too), `attendance.backup-no-pin` (backup older than the admin PIN)
 * - `staff.pin-wrong` / `staff.pin-locked-out` from storage.restoreBackup (checked against the backup's admin PIN)
 */

// The data shapes stay importable from here, next to the calls that carry them.
export * from './attendance-schemas';

// ---- Calls -------------------------------------------------------------------------------------

const empty = z.object({}).strict();

export const attendanceCalls = {
  'people.create': defineCall({ args: personInputSchema, result: personSchema, access: 'staff' }),
  'people.update': defineCall({
    args: z
      .object({
        id: idSchema,
        displayName: displayNameSchema.optional(),
        type: personTypeSchema.optional(),
        birthYear: birthYearSchema.nullable().optional(),
        sex: sexSchema.nullable().optional(),
      })
      .strict(),
    result: personSchema,
    access: 'staff',
  }),
  'people.get': defineCall({
    args: z.object({ id: idSchema }).strict(),
    result: personSchema,
    access: 'staff',
  }),
  /** Accent- and case-insensitive prefix search on any word of the name; empty query lists by name. */
  'people.search': defineCall({
    args: z
      .object({
        query: z.string().max(80).default(''),
        type: personTypeSchema.optional(),
        includeDeleted: z.boolean().default(false),
        /** When given, each hit carries `present` for that session. */
        sessionId: idSchema.optional(),
        limit: z.number().int().min(1).max(500).default(50),
        /** For paging through long lists (ordered by folded name). */
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    result: z.object({ people: z.array(personSearchHitSchema) }),
    access: 'staff',
  }),
  /** Hides the person (restorable with people.restore); attendance stays. */
  'people.softDelete': defineCall({
    args: z.object({ id: idSchema }).strict(),
    result: personSchema,
    access: 'staff',
  }),
  'people.restore': defineCall({
    args: z.object({ id: idSchema }).strict(),
    result: personSchema,
    access: 'staff',
  }),
  /** Erases personal data for good (name, birth year, sex, consent); attendance keeps the UUID. Audited. */
  'people.erase': defineCall({
    args: z.object({ id: idSchema }).strict(),
    result: z.object({ id: idSchema, erased: z.literal(true) }),
    access: 'admin',
  }),
  /** Likely duplicates of a name and birth year (accents, case and spaces folded), oldest first. */
  'people.duplicates': defineCall({
    args: z
      .object({
        displayName: displayNameSchema,
        birthYear: birthYearSchema.nullable().default(null),
        /** Leave this person out (when checking an existing person). */
        excludeId: idSchema.optional(),
      })
      .strict(),
    result: z.object({ people: z.array(personSearchHitSchema) }),
    access: 'staff',
  }),
  /**
   * Merges a duplicate into the person kept: consent moves over if the kept one has none, each
   * session where the duplicate is present moves (first arrival time kept), the duplicate is
   * erased (tombstone to the outbox). Audited. Errors: attendance.merge-same-person,
   * attendance.person-deleted, attendance.consent-withdrawn (the kept person's).
   */
  'people.merge': defineCall({
    args: z.object({ keepId: idSchema, duplicateId: idSchema }).strict(),
    result: z.object({ person: personSchema, movedSessions: z.number().int().min(0) }),
    access: 'admin',
  }),
  'consent.record': defineCall({
    args: z.object({ personId: idSchema, consent: consentInputSchema }).strict(),
    result: personSchema,
    access: 'staff',
  }),
  'consent.withdraw': defineCall({
    args: z.object({ personId: idSchema, date: dateSchema }).strict(),
    result: personSchema,
    access: 'staff',
  }),

  'sessions.create': defineCall({ args: sessionInputSchema, result: sessionSchema, access: 'staff' }),
  'sessions.list': defineCall({
    args: z
      .object({
        from: dateSchema.optional(),
        to: dateSchema.optional(),
        activityType: activityTypeSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    /** Newest first. */
    result: z.object({ sessions: z.array(sessionSchema) }),
    access: 'staff',
  }),
  /**
   * Edits a session. Audited. Once anyone has an attendance row in it, its date and activity stay
   * (attendance.session-has-attendance-fields).
   */
  'sessions.update': defineCall({
    args: sessionInputSchema.partial().extend({ id: idSchema }).strict(),
    result: sessionSchema,
    access: 'staff',
  }),
  /** Deletes a session nobody was checked in to (else attendance.session-has-attendance). Audited. */
  'sessions.delete': defineCall({
    args: z.object({ id: idSchema }).strict(),
    result: z.object({ id: idSchema, deleted: z.literal(true) }),
    access: 'staff',
  }),
  'sessions.get': defineCall({
    args: z.object({ id: idSchema }).strict(),
    result: sessionSchema,
    access: 'staff',
  }),

  /**
   * Check in. Idempotent: a double tap (or another device) gives the same attendanceId, one row.
   * A minor without the guardian's consent needs confirmNoConsent: true (else
   * attendance.consent-unconfirmed); the row then stays on this PC (common/attendance/consent-rule.ts).
   */
  'checkin.mark': defineCall({
    args: z
      .object({ sessionId: idSchema, personId: idSchema, confirmNoConsent: z.boolean().optional() })
      .strict(),
    result: checkInResultSchema,
    access: 'staff',
  }),
  /** Correction: appends a check-out event (never edits or deletes the check-in). */
  'checkin.unmark': defineCall({
    args: z.object({ sessionId: idSchema, personId: idSchema }).strict(),
    result: checkInResultSchema,
    access: 'staff',
  }),
  /** Walk-in: creates the person and checks them in, in one transaction (same consent rule as mark). */
  'checkin.walkIn': defineCall({
    args: z
      .object({ sessionId: idSchema, person: personInputSchema, confirmNoConsent: z.boolean().optional() })
      .strict(),
    result: z.object({ person: personSchema, checkIn: checkInResultSchema }),
    access: 'staff',
  }),
  /** Everyone with an attendance row in the session (present or corrected), by name. */
  'checkin.list': defineCall({
    args: z.object({ sessionId: idSchema }).strict(),
    result: z.object({ session: sessionSchema, entries: z.array(attendanceEntrySchema) }),
    access: 'staff',
  }),

  /** Writes the file to the data directory's exports folder and returns it. Audited. */
  'exports.attendance': defineCall({ args: exportArgsSchema, result: exportResultSchema, access: 'admin' }),
  /** Days a named export (with people's names) stays in the exports folder; 0 = removed at once. */
  'exports.namedRetention': defineCall({
    args: empty,
    result: z.object({ days: z.number().int().min(0) }),
    access: 'admin',
  }),
  'exports.setNamedRetention': defineCall({
    args: z.object({ days: z.number().int().min(0).max(365) }).strict(),
    result: z.object({ days: z.number().int().min(0) }),
    access: 'admin',
  }),
  'reports.monthlySummary': defineCall({
    args: z.object({ month: monthSchema }).strict(),
    result: monthlySummarySchema,
    access: 'staff',
  }),
  /** The monthly summary as an XLSX in the exports folder (counts only, no names); audited. */
  'reports.monthlySummaryXlsx': defineCall({
    args: z.object({ month: monthSchema, language: localeSchema }).strict(),
    result: exportResultSchema,
    access: 'admin',
  }),
  /**
   * Roster CSV (UTF-8, BOM ok, ';' or ',' separated, quoted cells ok). Header names in Spanish or
   * English: nombre/name, tipo/type, anio_nacimiento|año_nacimiento/birth_year, sexo/sex, and for
   * minors tutor/guardian_name, parentesco/relation, metodo/method, fecha_consentimiento/consent_date,
   * alcance/scopes ('|' separated). Good rows are imported in one transaction; bad rows are reported.
   */
  'roster.import': defineCall({
    args: z
      .object({
        csvText: z.string().max(maxWireTextChars),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    result: importResultSchema,
    access: 'admin',
  }),
  'audit.list': defineCall({
    args: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    result: z.object({ entries: z.array(auditEntrySchema) }),
    access: 'admin',
  }),

  /** Database health and backups. Open to the student screen so a damaged DB can be reported. */
  'storage.status': defineCall({ args: empty, result: storageStatusSchema, access: 'student' }),
  /**
   * Restores a backup (the current file, damaged or not, is kept aside, never deleted). Needs the
   * admin PIN stored IN THAT BACKUP, because a damaged database cannot check PINs.
   */
  'storage.restoreBackup': defineCall({
    args: z.object({ backupId: z.string().min(1).max(200), adminPin: staffPinSchema }).strict(),
    result: storageStatusSchema,
    access: 'student',
  }),
  'storage.backupNow': defineCall({ args: empty, result: backupInfoSchema, access: 'admin' }),
};

export type AttendanceCallName = keyof typeof attendanceCalls;
