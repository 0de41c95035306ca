/**
 * Every error code a call can answer with, one union per domain, so a mistyped code is a compile
 * error wherever an AppError is made or a code is compared. A new code goes here first (and its
 * message key into common/i18n).
 */
import type { SerialErrorCode } from '../serial/error-guide';

/** Codes any call can fail with, whatever its domain (message key `error.<code>`). */
export type GenericErrorCode =
  | 'bad-request'
  | 'unknown-call'
  | 'forbidden'
  | 'staff-locked'
  | 'not-found'
  | 'internal'
  | 'transport-closed';

export type AppLevelErrorCode = 'app.already-running';

export type BoardErrorCode =
  | 'board.not-connected'
  | 'board.not-virtual'
  | 'board.pin-unsupported'
  | 'board.no-reply'
  | 'board.port-busy'
  | 'board.open-timeout'
  | 'board.needs-chispa-firmware'
  | 'board.firmware-missing';

export type { SerialErrorCode } from '../serial/error-guide';

export type ProjectsErrorCode = 'projects.too-big' | 'projects.not-found';

export type LessonsErrorCode = 'lessons.pack-refused' | 'lessons.shipped';

/** Lesson plans and the live classroom: code `classroom.<name>`, message key `classroom.error.<name>`. */
export type ClassroomErrorName =
  | 'address-not-here'
  | 'bad-address'
  | 'bad-code'
  | 'join-failed'
  | 'meeting-not-found'
  | 'not-open'
  | 'plan-invalid'
  | 'plan-not-found'
  | 'plan-read-only'
  | 'unknown-pc';
export type ClassroomErrorCode = `classroom.${ClassroomErrorName}`;

/** The one write path (main/app/atomic-write.ts) and the database. */
export type StorageErrorCode = 'storage.write-failed' | 'storage.disk-full' | 'db.unavailable' | 'db.corrupt';

/** Staff area names: code `staff.<name>`, message key `staff.error.<name>`. */
export type StaffErrorName =
  | 'already-set-up'
  | 'not-set-up'
  | 'pin-in-use'
  | 'pin-locked-out'
  | 'pin-wrong'
  | 'recovery-code-wrong'
  | 'restore-first';
export type StaffErrorCode = `staff.${StaffErrorName}`;

/** Attendance names: code `attendance.<name>`, message key `staff.error.<name>`. */
export type AttendanceErrorName =
  | 'backup-invalid'
  | 'backup-no-pin'
  | 'backup-not-found'
  | 'birth-year-future'
  | 'birth-year-required'
  | 'consent-missing'
  | 'consent-scopes-attendance'
  | 'consent-scopes-empty'
  | 'consent-unconfirmed'
  | 'consent-not-minor'
  | 'consent-withdrawn'
  | 'export-named-unconfirmed'
  | 'export-range'
  | 'import-empty'
  | 'import-no-header'
  | 'import-line-too-long'
  | 'import-too-many-columns'
  | 'import-too-many-rows'
  | 'merge-same-person'
  | 'person-deleted'
  | 'person-not-found'
  | 'session-has-attendance'
  | 'session-has-attendance-fields'
  | 'session-not-found';
export type AttendanceErrorCode = `attendance.${AttendanceErrorName}`;

/** Sync names: code `sync.<name>`, message key `sync.error.<name>`. */
export type SyncErrorName =
  | 'bad-address'
  | 'batch-too-large'
  | 'bundle-invalid'
  | 'certificate'
  | 'credential-unreadable'
  | 'device-revoked'
  | 'enrolment-code-expired'
  | 'enrolment-code-invalid'
  | 'enrolment-code-used'
  | 'host-not-found'
  | 'idempotency-key-reused'
  | 'insecure-address'
  | 'internal'
  | 'not-a-tracker'
  | 'not-enrolled'
  | 'nothing-to-export'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'unauthenticated'
  | 'unexpected-answer'
  | 'unreachable';
export type SyncAppErrorCode = `sync.${SyncErrorName}`;

/** Lesson progress: who did the step (code `progress.<name>`, message key `progress.error.<name>`). */
export type ProgressErrorCode = 'progress.not-checked-in';

export type ErrorCode =
  | GenericErrorCode
  | AppLevelErrorCode
  | BoardErrorCode
  | SerialErrorCode
  | ProjectsErrorCode
  | LessonsErrorCode
  | ClassroomErrorCode
  | StorageErrorCode
  | StaffErrorCode
  | AttendanceErrorCode
  | SyncAppErrorCode
  | ProgressErrorCode;
