/**
 * When the page should talk to main about the idle lock. Main restarts its idle clock on every
 * call, so:
 * - while someone works in the page without calling main (typing a long form), a status call
 *   now and then keeps the staff session alive ('keep-alive');
 * - once page and main have both been idle for the whole lock time, one status call finds the
 *   session locked ('check'); calling earlier would itself extend the session.
 */
export type IdleStep = 'wait' | 'keep-alive' | 'check';

export const idleStep = (times: {
  now: number;
  lastActivity: number;
  lastCall: number;
  idleLockMs: number;
}): IdleStep => {
  const { now, lastActivity, lastCall, idleLockMs } = times;
  const active = now - lastActivity < idleLockMs;
  if (active) return now - lastCall > idleLockMs / 2 ? 'keep-alive' : 'wait';
  return now - lastCall > idleLockMs + 250 ? 'check' : 'wait';
};

/** How often the page looks (often enough to notice a short lock, never busy). */
export const idleCheckMs = (idleLockMs: number): number =>
  Math.min(15_000, Math.max(250, Math.round(idleLockMs / 4)));
