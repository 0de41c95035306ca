import { mayBeMinor as mayBeMinorIn } from '../../common/attendance/age-band';

/** Local calendar values in the contract's formats ('YYYY-MM-DD', 'HH:MM', 'YYYY-MM'). */
const pad = (value: number): string => String(value).padStart(2, '0');

export const localDate = (at: Date = new Date()): string =>
  `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

export const localTime = (at: Date = new Date()): string => `${pad(at.getHours())}:${pad(at.getMinutes())}`;

export const localMonth = (at: Date = new Date()): string => `${at.getFullYear()}-${pad(at.getMonth() + 1)}`;

export const firstOfMonth = (at: Date = new Date()): string => `${localMonth(at)}-01`;

/** Same rule as main: someone turning 18 this year may still be 17, so consent is asked for. */
export const mayBeMinor = (birthYear: number | null, year: number = new Date().getFullYear()): boolean =>
  mayBeMinorIn(birthYear, year);

/** "2026-11-22T23:10:00.000Z" → a short local date and time for lists. */
export const shortDateTime = (iso: string, locale: string): string => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
};
