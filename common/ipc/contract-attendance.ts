import { z } from 'zod';
import { defineCall } from './define';
import { staffPinSchema, storageStateSchema } from './contract-staff';

/**
 * Attendance log (issue 6, DESIGN.md §4): people, guardian consent, sessions, check-in,
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
 * - `attendance.birth-year-required` (learners need a birth year), `attendance.birth-year-future`
 * - `attendance.consent-not-minor` (consent record for an adult), `attendance.consent-missing` (withdraw with none)
 * - `attendance.export-named-unconfirmed` (named export without confirmNamed: true)
 * - `attendance.export-range` (from after to, or a range over 366 days)
 * - `attendance.import-empty`, `attendance.import-no-header` (missing required columns, params.columns)
 * - `attendance.import-too-many-rows`
 * - `attendance.backup-invalid` (backup damaged too), `attendance.backup-no-pin` (backup older than the admin PIN)
 * - `staff.pin-wrong` / `staff.pin-locked-out` from storage.restoreBackup (checked against the backup's admin PIN)
 */

// ---- Shared enums -----------------------------------------------------------------------------

/** 'learner' = child or adolescent. */
export const personTypeSchema = z.enum(['learner', 'teacher', 'caregiver']);
export type PersonType = z.infer<typeof personTypeSchema>;

export const sexSchema = z.enum(['female', 'male', 'other']);
export type Sex = z.infer<typeof sexSchema>;

/** Age bands for reporting; computed from the birth year (common/attendance/age-band.ts). */
export const ageBandSchema = z.enum([
  '0-7',
  '8-11',
  '12-14',
  '15-17',
  '18-24',
  '25-34',
  '35-44',
  '45-59',
  '60+',
  'unknown',
]);
export type AgeBand = z.infer<typeof ageBandSchema>;

export const activityTypeSchema = z.enum([
  'robotics-class',
  'coding-class',
  'digital-safety-family',
  'teacher-training',
  'other',
]);
export type ActivityType = z.infer<typeof activityTypeSchema>;

export const consentMethodSchema = z.enum(['paper', 'verbal', 'digital']);
export type ConsentMethod = z.infer<typeof consentMethodSchema>;

export const guardianRelationSchema = z.enum(['mother', 'father', 'grandparent', 'legal-guardian', 'other']);
export type GuardianRelation = z.infer<typeof guardianRelationSchema>;

/** What the guardian agreed to: keeping attendance here, pseudonymous programme reporting, photos. */
export const consentScopeSchema = z.enum(['attendance', 'reporting', 'photos']);
export type ConsentScope = z.infer<typeof consentScopeSchema>;

/** 'not-required' for adults; minors are 'missing' until a record is given. */
export const consentStateSchema = z.enum(['not-required', 'missing', 'given', 'withdrawn']);
export type ConsentState = z.infer<typeof consentStateSchema>;

export const dateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
export const idSchema = z.string().uuid();

const displayNameSchema = z.string().trim().min(1).max(80);
const birthYearSchema = z.number().int().min(1900).max(2100);

// ---- People and consent ------------------------------------------------------------------------

export const consentInputSchema = z
  .object({
    guardianName: z.string().trim().min(1).max(80),
    relation: guardianRelationSchema,
    method: consentMethodSchema,
    /** Date the guardian gave consent. */
    date: dateSchema,
    scopes: z.array(consentScopeSchema).min(1).max(3),
  })
  .strict();
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const consentRecordSchema = consentInputSchema.extend({
  id: idSchema,
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  /** Date the guardian withdrew consent, as they stated it. */
  withdrawnOn: dateSchema.nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const personInputSchema = z
  .object({
    displayName: displayNameSchema,
    type: personTypeSchema,
    /** Required for learners; optional for teachers and caregivers. */
    birthYear: birthYearSchema.nullable().optional(),
    sex: sexSchema.nullable().optional(),
    /** Defaults to the centre set by the admin (staff.status.centre). */
    centre: z.string().trim().min(1).max(40).optional(),
    /** Guardian consent for a minor, given at creation. */
    consent: consentInputSchema.optional(),
  })
  .strict();
export type PersonInput = z.infer<typeof personInputSchema>;

export const personSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  type: personTypeSchema,
  birthYear: z.number().int().nullable(),
  /** Age band in the current year. */
  ageBand: ageBandSchema,
  /** True when the person may be under 18 this year (birth year only: conservative). */
  minor: z.boolean(),
  sex: sexSchema.nullable(),
  centre: z.string(),
  consentState: consentStateSchema,
  /** Latest consent record (given or withdrawn), null if none. */
  consent: consentRecordSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set by soft delete; such people are hidden from search unless includeDeleted. */
  deletedAt: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const personSearchHitSchema = personSchema.extend({
  /** Only when the search named a sessionId: whether this person is checked in to it. */
  present: z.boolean().nullable(),
});
export type PersonSearchHit = z.infer<typeof personSearchHitSchema>;

// ---- Sessions and check-in ----------------------------------------------------------------------

export const sessionInputSchema = z
  .object({
    date: dateSchema,
    startTime: timeSchema,
    activityType: activityTypeSchema,
    lessons: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
    facilitator: z.string().trim().min(1).max(80),
  })
  .strict();
export type SessionInput = z.input<typeof sessionInputSchema>;

export const sessionSchema = z.object({
  id: idSchema,
  centre: z.string(),
  date: dateSchema,
  startTime: timeSchema,
  activityType: activityTypeSchema,
  lessons: z.array(z.string()),
  facilitator: z.string(),
  createdAt: z.string(),
  /** People currently checked in. */
  presentCount: z.number().int().min(0),
});
export type Session = z.infer<typeof sessionSchema>;

export const checkInResultSchema = z.object({
  /** Derived from (centre, session, person): the same person in the same session is one row. */
  attendanceId: idSchema,
  sessionId: idSchema,
  personId: idSchema,
  present: z.boolean(),
  /** True when nothing changed (double tap, or already in that state). */
  unchanged: z.boolean(),
  /** Time of the first check-in of this attendance row. */
  checkedInAt: z.string(),
  /** Time of the event that set the current state. */
  lastEventAt: z.string(),
});
export type CheckInResult = z.infer<typeof checkInResultSchema>;

export const attendanceEntrySchema = z.object({
  attendanceId: idSchema,
  present: z.boolean(),
  checkedInAt: z.string(),
  lastEventAt: z.string(),
  /** The person, or null when erased (the attendance row keeps only the UUID). */
  person: personSchema.nullable(),
  personId: idSchema,
});
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;

// ---- Exports, summary, import, audit, storage -----------------------------------------------------

export const exportFormatSchema = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const exportArgsSchema = z
  .object({
    format: exportFormatSchema,
    from: dateSchema,
    to: dateSchema,
    /** Omit or null for every activity type. */
    activityType: activityTypeSchema.nullable().optional(),
    /** Include names (display name, facilitator, lessons). Needs confirmNamed: true as well. */
    named: z.boolean().default(false),
    confirmNamed: z.boolean().optional(),
  })
  .strict();
export type ExportArgs = z.input<typeof exportArgsSchema>;

export const exportResultSchema = z.object({
  format: exportFormatSchema,
  named: z.boolean(),
  rowCount: z.number().int().min(0),
  fileName: z.string(),
  /** Absolute path of the written file inside the data directory's exports folder. */
  filePath: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int().min(0),
  /** The exact file bytes, base64 (for a browser download); null when over 25 MB (use filePath). */
  contentBase64: z.string().nullable(),
  /** CSV only: the file as text (starts with the U+FEFF BOM); null for XLSX or over 5 MB. */
  text: z.string().nullable(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

/** Column order of the pseudonymous export; named exports add namedExportExtraColumns after. */
export const pseudonymousExportColumns = [
  'attendance_id',
  'session_id',
  'session_date',
  'session_time',
  'activity_type',
  'centre',
  'person_id',
  'person_type',
  'age_band',
  'sex',
  'consent_state',
  'checked_in_at',
] as const;
export const namedExportExtraColumns = ['display_name', 'birth_year', 'facilitator', 'lessons'] as const;

const countSchema = z.number().int().min(0);
export const monthlySummarySchema = z.object({
  month: monthSchema,
  sessionsHeld: countSchema,
  sessionsByActivity: z.array(z.object({ activityType: activityTypeSchema, count: countSchema })),
  /** Check-ins (one per person per session). */
  attendances: countSchema,
  /** Distinct people with at least one check-in in the month. */
  peopleReached: countSchema,
  /** 'unknown' = erased people (their UUID is all that is left). */
  byType: z.array(z.object({ type: z.union([personTypeSchema, z.literal('unknown')]), count: countSchema })),
  bySex: z.array(z.object({ sex: z.union([sexSchema, z.literal('unspecified')]), count: countSchema })),
  byAgeBand: z.array(z.object({ ageBand: ageBandSchema, count: countSchema })),
  /** Chart data: one bar group per person type, stacked by age band (all bands, zeros included). */
  chart: z.object({
    categories: z.array(z.union([personTypeSchema, z.literal('unknown')])),
    series: z.array(z.object({ ageBand: ageBandSchema, values: z.array(countSchema) })),
  }),
});
export type MonthlySummary = z.infer<typeof monthlySummarySchema>;

/** reasonKey is a locale key, e.g. "staff.import.reason.missing-name". */
export const importRejectionSchema = z.object({
  /** 1-based line number in the file, the header being row 1 (as a spreadsheet shows it). */
  row: z.number().int().min(1),
  reasonKey: z.string(),
  field: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportRejection = z.infer<typeof importRejectionSchema>;

export const importResultSchema = z.object({
  totalRows: countSchema,
  accepted: countSchema,
  rejected: z.array(importRejectionSchema),
  /** Ids of the people created (empty on dryRun). */
  createdIds: z.array(idSchema),
  dryRun: z.boolean(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const auditActionSchema = z.enum([
  'export',
  'import',
  'erase',
  'restore-backup',
  'pin-set',
  'pin-cleared',
  'staff-setup',
]);
export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  role: z.string(),
  /** Connection that did it (window or tab id). */
  actor: z.string(),
  action: auditActionSchema,
  /** For exports: 'csv' or 'xlsx'. */
  kind: z.string().nullable(),
  named: z.boolean().nullable(),
  rowCount: z.number().int().nullable(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const backupInfoSchema = z.object({
  /** File name inside the backups folder, e.g. "chispa-2026-11-22T23-10-00Z.sqlite". */
  id: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number().int().min(0),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const storageStatusSchema = z.object({
  state: storageStateSchema,
  /** Locale key explaining a non-ok state, e.g. "staff.error.db-corrupt". */
  messageKey: z.string().nullable(),
  /** Where the damaged file was moved after a restore (never deleted), else null. */
  corruptFileKeptAs: z.string().nullable(),
  latestBackup: backupInfoSchema.nullable(),
  backups: z.array(backupInfoSchema),
});
export type StorageStatus = z.infer<typeof storageStatusSchema>;

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
  'sessions.get': defineCall({
    args: z.object({ id: idSchema }).strict(),
    result: sessionSchema,
    access: 'staff',
  }),

  /** Check in. Idempotent: a double tap (or another device) gives the same attendanceId, one row. */
  'checkin.mark': defineCall({
    args: z.object({ sessionId: idSchema, personId: idSchema }).strict(),
    result: checkInResultSchema,
    access: 'staff',
  }),
  /** Correction: appends a check-out event (never edits or deletes the check-in). */
  'checkin.unmark': defineCall({
    args: z.object({ sessionId: idSchema, personId: idSchema }).strict(),
    result: checkInResultSchema,
    access: 'staff',
  }),
  /** Walk-in: creates the person and checks them in, in one transaction. */
  'checkin.walkIn': defineCall({
    args: z.object({ sessionId: idSchema, person: personInputSchema }).strict(),
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
  'reports.monthlySummary': defineCall({
    args: z.object({ month: monthSchema }).strict(),
    result: monthlySummarySchema,
    access: 'staff',
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
        csvText: z.string().max(5_000_000),
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
