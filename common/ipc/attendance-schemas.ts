import { z } from 'zod';
import { storageStateSchema } from './contract-staff';
import { localeSchema } from '../i18n/locale';
import { badDateKey, badNameKey, isCalendarDate, isReadableName } from '../attendance/field-checks';

/**
 * Data shapes of the attendance log (docs/architecture.md, "Attendance and privacy"): people, guardian consent, sessions,
 * check-in, exports, monthly summary, roster import, audit log, backups. The calls that carry
 * them are in contract-attendance.ts.
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

export const dateSchema = z.string().refine(isCalendarDate, badDateKey);
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
export const idSchema = z.string().uuid();

/** A typed name (person, guardian, facilitator): see common/attendance/field-checks.ts. */
export const readableNameSchema = (max: number) =>
  z.string().trim().min(1).max(max).refine(isReadableName, badNameKey);
export const displayNameSchema = readableNameSchema(80);
export const birthYearSchema = z.number().int().min(1900).max(2100);

// ---- People and consent ------------------------------------------------------------------------

export const consentInputSchema = z
  .object({
    guardianName: readableNameSchema(80),
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
    facilitator: readableNameSchema(80),
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
    /**
     * For people: headers and values in this language, local times, the locale's CSV separator.
     * Omit for the stable machine form (column ids, codes, UTC times, commas).
     */
    language: localeSchema.optional(),
  })
  .strict();

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
  /** Sessions with at least one person present (an empty session was not held). */
  sessionsHeld: countSchema,
  sessionsByActivity: z.array(z.object({ activityType: activityTypeSchema, count: countSchema })),
  /** Check-ins (one per person per session). */
  attendances: countSchema,
  /** Distinct people with at least one check-in in the month. */
  peopleReached: countSchema,
  /** Of peopleReached: people erased since (counted in the totals, in no breakdown). */
  erasedPeople: countSchema,
  byType: z.array(z.object({ type: personTypeSchema, count: countSchema })),
  bySex: z.array(z.object({ sex: z.union([sexSchema, z.literal('unspecified')]), count: countSchema })),
  byAgeBand: z.array(z.object({ ageBand: ageBandSchema, count: countSchema })),
  /** Chart data: one bar group per person type, stacked by age band (all bands, zeros included). */
  chart: z.object({
    categories: z.array(personTypeSchema),
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
  /** Names of the accepted rows as read from the file, for the review before importing. */
  acceptedNames: z.array(z.string()).default([]),
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
  'staff-recovered',
  'recovery-code-renewed',
  'merge',
  'session-edit',
  'session-delete',
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
