import type { z } from 'zod';

/**
 * Who may make a call. "student" calls are open on the default screen; "staff" calls need the
 * staff PIN (any staff role); "admin" calls need the centre-admin role.
 */
export type CallAccess = 'student' | 'staff' | 'admin';

export interface CallSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
  access: CallAccess;
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
}

export const defineCall = <A extends z.ZodType, R extends z.ZodType>(spec: CallSpec<A, R>): CallSpec<A, R> =>
  spec;
export const defineEvent = <P extends z.ZodType>(payload: P): EventSpec<P> => ({ payload });
