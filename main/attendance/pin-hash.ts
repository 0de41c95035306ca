/** Staff PINs are stored only as scrypt hashes with a per-PIN random salt. */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

interface StoredPin {
  v: 1;
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
}

const params = { N: 16384, r: 8, p: 1 };
const keyLength = 32;

const derive = (pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

export const hashPin = async (pin: string): Promise<string> => {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, params);
  const stored: StoredPin = { v: 1, salt: salt.toString('base64'), hash: hash.toString('base64'), ...params };
  return JSON.stringify(stored);
};

/** Constant-time comparison; a malformed stored value never matches. */
export const verifyPin = async (pin: string, stored: string | null): Promise<boolean> => {
  if (!stored) return false;
  let parsed: StoredPin;
  try {
    parsed = JSON.parse(stored) as StoredPin;
  } catch {
    return false;
  }
  if (parsed.v !== 1) return false;
  const expected = Buffer.from(parsed.hash, 'base64');
  const actual = await derive(pin, Buffer.from(parsed.salt, 'base64'), {
    N: parsed.N,
    r: parsed.r,
    p: parsed.p,
  });
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};
