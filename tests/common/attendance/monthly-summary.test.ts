import { describe, expect, it } from 'vitest';
import { monthRange, summariseMonth } from '../../../common/attendance/monthly-summary';

describe('monthly summary', () => {
  it('counts distinct people by type, sex and age band, and sessions by activity', () => {
    const summary = summariseMonth(
      '2026-03',
      new Map([
        ['robotics-class', 3],
        ['digital-safety-family', 1],
      ]),
      [
        { personId: 'a', type: 'learner', birthYear: 2015, sex: 'female' },
        { personId: 'a', type: 'learner', birthYear: 2015, sex: 'female' },
        { personId: 'b', type: 'learner', birthYear: 2012, sex: 'male' },
        { personId: 'c', type: 'caregiver', birthYear: 1985, sex: null },
        { personId: 'd', type: null, birthYear: null, sex: null },
      ],
    );
    expect(summary.sessionsHeld).toBe(4);
    expect(summary.attendances).toBe(5);
    expect(summary.peopleReached).toBe(4);
    expect(summary.byType).toEqual([
      { type: 'learner', count: 2 },
      { type: 'teacher', count: 0 },
      { type: 'caregiver', count: 1 },
    ]);
    // The erased person counts in the totals only, never as a type, sex or age band.
    expect(summary.erasedPeople).toBe(1);
    expect(summary.bySex.find((entry) => entry.sex === 'unspecified')?.count).toBe(1);
    expect(summary.byAgeBand.find((entry) => entry.ageBand === 'unknown')?.count).toBe(0);
    expect(summary.byAgeBand.find((entry) => entry.ageBand === '8-11')?.count).toBe(1);
    expect(summary.byAgeBand.find((entry) => entry.ageBand === '12-14')?.count).toBe(1);
    const learnerIndex = summary.chart.categories.indexOf('learner');
    expect(summary.chart.series.find((serie) => serie.ageBand === '8-11')?.values[learnerIndex]).toBe(1);
    const total = summary.chart.series.reduce(
      (sum, serie) => sum + serie.values.reduce((a, b) => a + b, 0),
      0,
    );
    expect(total).toBe(summary.peopleReached - summary.erasedPeople);
  });

  it('knows the length of each month', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});
