// TEMPORARY placeholder until the staff service lands (issue 6): every call fails with 'internal'.
import { AppError } from '../../common/ipc/app-error';
import type { StaffCallName } from '../../common/ipc/contract-staff';
import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';

const notYet = (): never => {
  throw new AppError('internal', { details: ['staff service not implemented yet'] });
};

export const createStaffHandlers = (_services: AppServices): Pick<CallHandlers, StaffCallName> => ({
  'staff.status': notYet,
  'staff.setup': notYet,
  'staff.unlock': notYet,
  'staff.lock': notYet,
  'staff.setPin': notYet,
  'staff.clearInstructorPin': notYet,
  'staff.setCentre': notYet,
});
