import { describe, expect, it } from 'vitest';
import { ageBandFor, mayBeMinor } from '../../../common/attendance/age-band';
import { foldForSearch, searchKeyFor, searchTokens } from '../../../common/attendance/search-key';

describe('age bands from a birth year', () => {
  it.each([
    [2020, '0-7'],
    [2018, '8-11'],
    [2015, '8-11'],
    [2014, '12-14'],
    [2011, '15-17'],
    [2009, '15-17'],
    [2008, '18-24'],
    [1995, '25-34'],
    [1966, '60+'],
  ] as const)('born %i is %s in 2026', (year, band) => {
    expect(ageBandFor(year, 2026)).toBe(band);
  });

  it('is unknown without a birth year or with a future one', () => {
    expect(ageBandFor(null, 2026)).toBe('unknown');
    expect(ageBandFor(2030, 2026)).toBe('unknown');
  });

  it('treats someone turning 18 this year as a possible minor (consent is asked rather than skipped)', () => {
    expect(mayBeMinor(2008, 2026)).toBe(true);
    expect(mayBeMinor(2007, 2026)).toBe(false);
    expect(mayBeMinor(null, 2026)).toBe(false);
  });
});

describe('search folding', () => {
  it('ignores accents, case and punctuation', () => {
    expect(foldForSearch('  José  PEÑA-Güemes ')).toBe('jose pena guemes');
    expect(searchKeyFor('María José')).toBe(' maria jose ');
    expect(searchTokens('Pe  JOSÉ')).toEqual(['pe', 'jose']);
  });
});
