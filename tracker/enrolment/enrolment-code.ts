import { randomInt } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so a code read aloud or typed is hard to get wrong. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 symbols = 60 random bits, shown as ABCD-EFGH-JKMN. */
export const newEnrolmentCode = (): string => {
  const symbols = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 4, 8].map((start) => symbols.slice(start, start + 4).join('')).join('-');
};

/** What the admin typed, in canonical form: case, dashes and spaces do not matter; I/L→1, O→0. */
export const normaliseEnrolmentCode = (typed: string): string =>
  typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');

export const defaultCodeTtlMinutes = 24 * 60;
