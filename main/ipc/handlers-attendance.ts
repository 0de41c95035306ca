// TEMPORARY placeholder until the attendance service lands (issue 6): every call fails with 'internal'.
import { AppError } from '../../common/ipc/app-error';
import { attendanceCalls, type AttendanceCallName } from '../../common/ipc/contract-attendance';
import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';

const notYet = (): never => {
  throw new AppError('internal', { details: ['attendance service not implemented yet'] });
};

export const createAttendanceHandlers = (_services: AppServices): Pick<CallHandlers, AttendanceCallName> =>
  Object.fromEntries(Object.keys(attendanceCalls).map((name) => [name, notYet])) as unknown as Pick<
    CallHandlers,
    AttendanceCallName
  >;
