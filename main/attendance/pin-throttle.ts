/**
 * The wrong-PIN throttle for the device, shared by staff unlock and backup restore. Every attempt
 * is serialised and counted before its PIN is checked: under one lock it reads the count from
 * disk (never a cached copy), saves "count + 1" (and the lockout that a failure would earn), and
 * only then runs the slow check; a right PIN resets the count. So a burst of parallel guesses is
 * checked one at a time and at most the free attempts are ever checked before the lockout, a
 * crash mid-check still counts, and the state survives restarts. It lives in a file of the data
 * folder (not the database) so that restoring an old backup does not reset it, and it works while
 * the database is damaged. One app instance per data folder (instance-lock.ts) keeps it single.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../app/atomic-write';
import { staffError } from './errors';
import {
  attemptsLeft,
  initialPinAttempts,
  lockedOutMs,
  parsePinAttempts,
  recordFailure,
  type PinAttemptState,
} from './pin-attempts';

export interface PinThrottle {
  /** Runs `check` if allowed; throws staff.pin-locked-out / staff.pin-wrong when it fails. */
  attempt<T>(check: () => Promise<T | null>): Promise<T>;
  /** Milliseconds until the next attempt is allowed (0 when allowed). */
  lockedOutMs(): number;
  /** Clears the count (a successful recovery code). */
  reset(): Promise<void>;
}

export const createPinThrottle = (file: string, options: { now?: () => number } = {}): PinThrottle => {
  const now = options.now ?? Date.now;
  let tail: Promise<unknown> = Promise.resolve();
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };

  const read = (): PinAttemptState => {
    if (!existsSync(file)) return initialPinAttempts;
    try {
      return parsePinAttempts(readFileSync(file, 'utf8'));
    } catch {
      // An unreadable count must not open the gate: treat it as one more failure than allowed.
      return recordFailure({ failures: 4, lockedUntil: 0 }, now());
    }
  };
  const write = (state: PinAttemptState) => writeFileAtomic(file, JSON.stringify(state));

  return {
    attempt: <T>(check: () => Promise<T | null>) =>
      serialised(async () => {
        const state = read();
        const waitMs = lockedOutMs(state, now());
        if (waitMs > 0) throw staffError('pin-locked-out', { retryInSeconds: Math.ceil(waitMs / 1000) });
        const ifWrong = recordFailure(state, now());
        // Counted first: if this write fails (disk full), the PIN is not checked at all.
        write(ifWrong);
        const result = await check();
        if (result !== null) {
          try {
            write(initialPinAttempts);
          } catch {
            // The right PIN still opens on a full disk; the count just stays until the next success.
          }
          return result;
        }
        const lockMs = lockedOutMs(ifWrong, now());
        if (lockMs > 0) throw staffError('pin-locked-out', { retryInSeconds: Math.ceil(lockMs / 1000) });
        throw staffError('pin-wrong', { attemptsLeft: attemptsLeft(ifWrong) });
      }),
    lockedOutMs: () => lockedOutMs(read(), now()),
    reset: () => serialised(async () => write(initialPinAttempts)),
  };
};
