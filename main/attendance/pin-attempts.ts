/**
 * Wrong-PIN rate limit for the device: a few free attempts, then a lockout that doubles with
 * each further failure (30 s, 60 s, … capped at 15 min). Success resets it. Pure state machine;
 * the staff service persists the state so restarting the app does not reset the count.
 */
export interface PinAttemptState {
  failures: number;
  lockedUntil: number;
}

export const freeAttempts = 5;
const firstLockMs = 30_000;
const maxLockMs = 15 * 60_000;

export const initialPinAttempts: PinAttemptState = { failures: 0, lockedUntil: 0 };

export const lockedOutMs = (state: PinAttemptState, now: number): number =>
  Math.max(0, state.lockedUntil - now);

export const recordFailure = (state: PinAttemptState, now: number): PinAttemptState => {
  const failures = state.failures + 1;
  if (failures < freeAttempts) return { failures, lockedUntil: 0 };
  const lockMs = Math.min(maxLockMs, firstLockMs * 2 ** (failures - freeAttempts));
  return { failures, lockedUntil: now + lockMs };
};

export const attemptsLeft = (state: PinAttemptState): number => Math.max(0, freeAttempts - state.failures);

export const parsePinAttempts = (text: string | null): PinAttemptState => {
  if (!text) return initialPinAttempts;
  try {
    const value = JSON.parse(text) as Partial<PinAttemptState>;
    return { failures: Number(value.failures) || 0, lockedUntil: Number(value.lockedUntil) || 0 };
  } catch {
    return initialPinAttempts;
  }
};
