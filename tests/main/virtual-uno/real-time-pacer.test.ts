import { describe, expect, it } from 'vitest';
import { RealTimePacer } from '../../../main/virtual-uno/real-time-pacer';

/** Drives a pacer against a fake host whose slices cost `wallPerSimMs` of wall time per sim ms. */
function simulate(wallPerSimMs: number, wallEndMs: number, stalls: Record<number, number> = {}) {
  const pacer = new RealTimePacer(5, 100);
  let wall = 0;
  let sim = 0;
  let maxBehind = 0;
  let maxAhead = 0;
  pacer.restart(wall, sim);
  while (wall < wallEndMs) {
    const stall = Object.entries(stalls).find(([at]) => Number(at) <= wall);
    if (stall) {
      wall += stall[1]; // e.g. a GC pause or a suspended laptop
      delete stalls[Number(stall[0])];
    }
    const step = pacer.next(wall, sim);
    if ('runMs' in step) {
      sim += step.runMs;
      wall += step.runMs * wallPerSimMs;
    } else {
      expect(step.waitMs).toBeGreaterThan(0);
      wall += step.waitMs;
    }
    const behind = wall - pacer.droppedLagMs - sim;
    maxBehind = Math.max(maxBehind, behind);
    maxAhead = Math.max(maxAhead, -behind);
  }
  return { sim, wall, dropped: pacer.droppedLagMs, maxBehind, maxAhead };
}

describe('RealTimePacer', () => {
  it('keeps simulated time on the wall clock when the host is fast enough', () => {
    const run = simulate(0.2, 10_000);
    expect(run.dropped).toBe(0);
    expect(Math.abs(run.sim - run.wall)).toBeLessThanOrEqual(5);
    expect(run.maxAhead).toBeLessThanOrEqual(5); // never more than one slice ahead
  });

  it('on a host too slow for real time, drops lag instead of falling further and further behind', () => {
    const run = simulate(2, 10_000); // half speed
    expect(run.sim).toBeGreaterThan(4_900);
    expect(run.wall - run.sim - run.dropped).toBeLessThanOrEqual(100 + 10);
    expect(run.dropped).toBeGreaterThan(4_800);
  });

  it('after a 2 s stall it does not sprint to catch up: the excess over 100 ms is dropped', () => {
    const run = simulate(0.2, 5_000, { 1_000: 2_000 });
    expect(run.dropped).toBeGreaterThan(1_890);
    expect(run.dropped).toBeLessThan(1_910);
    expect(Math.abs(run.wall - run.dropped - run.sim)).toBeLessThanOrEqual(5);
  });
});
