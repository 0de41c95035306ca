import { describe, expect, it } from 'vitest';
import { suppressCell, suppressGroup } from '../../../tracker/reach/suppress';

describe('small-cell suppression', () => {
  it('hides counts from 1 to 4 and shows 0 and 5 or more', () => {
    expect([0, 1, 2, 3, 4, 5, 120].map(suppressCell)).toEqual([0, null, null, null, null, 5, 120]);
  });

  it('hides the smallest other cell when one hidden cell could be worked out from the total', () => {
    expect(suppressGroup([6, 3])).toEqual([null, null]);
    expect(suppressGroup([40, 2, 9, 0])).toEqual([40, null, null, 0]);
  });

  it('needs no complement when two or more cells are already hidden', () => {
    expect(suppressGroup([30, 2, 1])).toEqual([30, null, null]);
  });

  it('hides a whole group whose total is hidden', () => {
    expect(suppressGroup([2, 1, 0], true)).toEqual([null, null, 0]);
    expect(suppressGroup([7, 5], true)).toEqual([null, null]);
  });
});
