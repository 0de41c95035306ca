import { describe, expect, it } from 'vitest';
import { LINK_BYTES_PER_SECOND, LinkBudget } from '../../../main/board/link-budget';

describe('LinkBudget (what a 57600-baud link carries)', () => {
  it('carries 5,760 bytes a second', () => {
    expect(LINK_BYTES_PER_SECOND).toBe(5760);
  });

  it('lets commands go while the backlog is under the cap, then says how long until it is', () => {
    let now = 0;
    const budget = new LinkBudget(5760, 64, () => now);
    budget.charge(60);
    expect(budget.msUntilFree()).toBe(0);
    budget.charge(64 + 57.6 - 60); // 57.6 bytes over the cap = 10 ms of wire
    expect(budget.msUntilFree()).toBeCloseTo(10, 6);
    now = 5;
    expect(budget.msUntilFree()).toBeCloseTo(5, 6);
    expect(budget.queuedBytes()).toBeCloseTo(64 + 28.8, 6);
    now = 1000;
    expect(budget.queuedBytes()).toBe(0);
    expect(budget.msUntilFree()).toBe(0);
  });
});
