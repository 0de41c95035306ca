import type { AgeBand } from '../ipc/contract-attendance';

/** Age reached during the reference year (only the birth year is kept: collect little). */
export const ageInYear = (birthYear: number, referenceYear: number): number => referenceYear - birthYear;

const bands: ReadonlyArray<readonly [maxAge: number, band: AgeBand]> = [
  [7, '0-7'],
  [11, '8-11'],
  [14, '12-14'],
  [17, '15-17'],
  [24, '18-24'],
  [34, '25-34'],
  [44, '35-44'],
  [59, '45-59'],
];

/** Reporting age band for a birth year, as of the reference year. */
export const ageBandFor = (birthYear: number | null | undefined, referenceYear: number): AgeBand => {
  if (birthYear === null || birthYear === undefined || birthYear > referenceYear) return 'unknown';
  const age = ageInYear(birthYear, referenceYear);
  for (const [maxAge, band] of bands) if (age <= maxAge) return band;
  return '60+';
};

/**
 * Whether the person may be under 18 at some point of the reference year. With only a birth year
 * we cannot know the birthday, so someone turning 18 this year still counts as a minor: guardian
 * consent is asked for rather than skipped (privacy by design: err on the protective side).
 */
export const mayBeMinor = (birthYear: number | null | undefined, referenceYear: number): boolean =>
  birthYear !== null && birthYear !== undefined && ageInYear(birthYear, referenceYear) <= 18;
