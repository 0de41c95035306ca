import { z } from 'zod';
import { AppError, type IpcError, type IpcResult } from '../../common/ipc/app-error';
import {
  calls,
  isCallName,
  type CallName,
  type CallResult,
  type ParsedCallArgs,
} from '../../common/ipc/contract';
import { messages } from '../../common/i18n/messages';
import type { ConnectionSession } from './connection-session';
import type { Logger } from '../app/logger';

export interface CallContext {
  session: ConnectionSession;
}

export type CallHandler<K extends CallName> = (
  args: ParsedCallArgs<K>,
  ctx: CallContext,
) => Promise<CallResult<K>> | CallResult<K>;

/** Every call in the contract must have a handler: a missing one is a type error. */
export type CallHandlers = { [K in CallName]: CallHandler<K> };

export interface Dispatcher {
  dispatch(name: unknown, args: unknown, ctx: CallContext): Promise<IpcResult<unknown>>;
}

const describeIssues = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(args)'}: ${issue.message}`);

/**
 * A schema that names its problem with a message key (an impossible date, an unreadable name,
 * too many blocks) is said in those words, with the refinement's params; otherwise the generic key.
 */
const badRequest = (error: z.ZodError): IpcError => {
  const details = describeIssues(error);
  const named = error.issues.find((issue) => Object.hasOwn(messages.en, issue.message));
  if (!named) return { code: 'bad-request', messageKey: 'error.bad-request', details };
  const params = (named as { params?: Record<string, string | number> }).params;
  return { code: 'bad-request', messageKey: named.message, details, ...(params ? { params } : {}) };
};

/**
 * The single entry point for calls from any transport. It never throws and never hangs on bad
 * input: unknown names, invalid arguments, missing staff rights and handler failures all come
 * back as error values with stable codes.
 */
export const createDispatcher = (handlers: CallHandlers, logger: Logger): Dispatcher => ({
  async dispatch(name, args, ctx) {
    if (!isCallName(name)) {
      return {
        ok: false,
        error: {
          code: 'unknown-call',
          messageKey: 'error.unknown-call',
          details: [String(name).slice(0, 100)],
        },
      };
    }
    const spec = calls[name];
    const role = ctx.session.staffRole();
    if (spec.access !== 'student') {
      if (!role) return { ok: false, error: { code: 'staff-locked', messageKey: 'error.staff-locked' } };
      if (spec.access === 'admin' && role !== 'admin') {
        return { ok: false, error: { code: 'forbidden', messageKey: 'error.forbidden' } };
      }
    }
    // Only staff calls keep the staff area awake: a running program's board.command (or any
    // other student call from the same tab) must not hold an unattended staff session open.
    if (spec.access !== 'student') ctx.session.touch();
    const parsed = spec.args.safeParse(args);
    if (!parsed.success) {
      return { ok: false, error: badRequest(parsed.error) };
    }
    try {
      const handler = handlers[name] as CallHandler<CallName>;
      const value = await handler(parsed.data as never, ctx);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toIpcError() };
      logger.error(`call ${name} failed`, error);
      const internal: IpcError = { code: 'internal', messageKey: 'error.internal' };
      return { ok: false, error: internal };
    }
  },
});
