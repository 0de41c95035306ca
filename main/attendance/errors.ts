import { AppError } from '../../common/ipc/app-error';
import type { AttendanceErrorName, StaffErrorName } from '../../common/ipc/error-codes';

/** Attendance errors: code "attendance.<name>", message key "staff.error.<name>" (staff.json). */
export const attendanceError = (
  name: AttendanceErrorName,
  params?: Record<string, string | number>,
): AppError => new AppError(`attendance.${name}`, { messageKey: `staff.error.${name}`, params });

export const staffError = (name: StaffErrorName, params?: Record<string, string | number>): AppError =>
  new AppError(`staff.${name}`, { messageKey: `staff.error.${name}`, params });

export const dbCorruptError = (): AppError =>
  new AppError('db.corrupt', { messageKey: 'staff.error.db-corrupt' });

export const dbUnavailableError = (detail: string): AppError =>
  new AppError('db.unavailable', { messageKey: 'staff.error.db-unavailable', params: { detail } });
