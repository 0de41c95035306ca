import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, backoffDelayMs } from '../../../main/sync/backoff';

describe('backoff with full jitter', () => {
  const policy = { baseMs: 1_000, capMs: 60_000 };

  it('doubles the ceiling per failure up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => backoffCeilingMs(n, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('waits a uniformly random time between zero and the ceiling', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(2_000);
    expect(backoffDelayMs(3, policy, () => 0.999_999)).toBe(3_999);
    const samples = Array.from({ length: 2000 }, () => backoffDelayMs(10, policy));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(60_000);
    // Spread over the whole range, not clustered at the ceiling (that is what the jitter is for).
    expect(samples.filter((ms) => ms < 30_000).length).toBeGreaterThan(800);
    expect(samples.filter((ms) => ms >= 30_000).length).toBeGreaterThan(800);
  });
});
