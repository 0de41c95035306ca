import { AppError } from '../../common/ipc/app-error';
import type { Actor } from '../attendance/actor';
import type { CallContext } from './dispatcher';

/** The staff role and connection behind a call; the dispatcher has already checked access. */
export const actorOf = (ctx: CallContext): Actor => {
  const role = ctx.session.staffRole();
  if (!role) throw new AppError('staff-locked');
  return { role, connectionId: ctx.session.id };
};
