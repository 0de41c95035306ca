/**
 * Capped exponential backoff with full jitter: the wait before retry n is uniform in
 * [0, min(cap, base·2^n)], so many centres coming back online at once do not hit the tracker
 * together. A success resets n to 0.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 5_000, capMs: 20 * 60_000 };

export const backoffCeilingMs = (failures: number, policy: BackoffPolicy = defaultBackoff): number =>
  Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));

export const backoffDelayMs = (
  failures: number,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): number => Math.floor(random() * backoffCeilingMs(failures, policy));
