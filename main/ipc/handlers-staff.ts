import type { StaffCallName } from '../../common/ipc/contract-staff';
import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';
import { actorOf } from './staff-actor';

export const createStaffHandlers = (services: AppServices): Pick<CallHandlers, StaffCallName> => {
  const staff = () => services.attendance.staff;
  return {
    'staff.status': (_args, { session }) => staff().status(session),
    'staff.setup': ({ pin, centre }, { session }) => staff().setup(session, pin, centre),
    'staff.unlock': ({ pin }, { session }) => staff().unlock(session, pin),
    'staff.recover': ({ code }, { session }) => staff().recover(session, code),
    'staff.renewRecoveryCode': (_args, ctx) => staff().renewRecoveryCode(actorOf(ctx)),
    'staff.lock': (_args, { session }) => staff().lock(session),
    'staff.setPin': ({ role, pin }, ctx) => staff().setPin(role, pin, actorOf(ctx)),
    'staff.clearInstructorPin': (_args, ctx) => staff().clearInstructorPin(actorOf(ctx)),
    'staff.setCentre': ({ centre }) => staff().setCentre(centre),
  };
};
