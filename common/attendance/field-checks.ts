/**
 * The one check of calendar dates and typed names, used by the IPC schemas, the roster import and
 * the tracker's sync items alike, so every path refuses the same values with the same words.
 */

/** Dates of sessions, consents and report ranges: a real day within these years. */
export const minRecordYear = 2000;
export const maxRecordYear = 2100;

/** Message keys (common/i18n/{es,en}/limits.json); zod issues carry them as their message. */
export const badDateKey = 'value.error.bad-date';
export const badNameKey = 'value.error.bad-name';

/** 'YYYY-MM-DD' naming a day that exists (no 2024-02-30) in a plausible year (no 9999). */
export const isCalendarDate = (text: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < minRecordYear || year > maxRecordYear) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

// Control characters (C0, DEL, C1), lone surrogates and the invisible format characters that make
// a name look empty or reorder it on screen.
const unreadable = /[\p{Cc}\p{Cs}\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u;
const letterOrDigit = /[\p{L}\p{N}]/u;

/** A name a person can read back: at least one letter or digit, no control or invisible characters. */
export const isReadableName = (text: string): boolean => !unreadable.test(text) && letterOrDigit.test(text);
