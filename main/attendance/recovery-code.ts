/**
 * The staff recovery code: shown once (at setup, or when the admin makes a new one), it opens the
 * staff area as admin even while wrong PINs typed by someone else keep the PIN locked out.
 * 80 random bits (16 characters of Crockford base32), so no throttle is needed: guessing it is
 * hopeless, and a fast SHA-256 hash is enough to store it (unlike a 4-digit PIN).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLength = 16;

/** A new code, grouped for reading aloud: "7K2M-QX9D-…". */
export const newRecoveryCode = (): string => {
  const bytes = randomBytes(codeLength);
  const chars = [...bytes].map((byte) => alphabet[byte & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
};

/** Upper-case, without spaces or dashes; I/L read as 1 and O as 0 (Crockford). */
export const normaliseRecoveryCode = (code: string): string =>
  code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');

export const hashRecoveryCode = (code: string): string =>
  createHash('sha256')
    .update(`chispa-recovery:${normaliseRecoveryCode(code)}`)
    .digest('base64');

export const recoveryCodeMatches = (code: string, stored: string | null): boolean => {
  if (!stored) return false;
  const expected = Buffer.from(stored, 'base64');
  const actual = Buffer.from(hashRecoveryCode(code), 'base64');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};
