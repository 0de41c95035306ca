import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 is enough for high-entropy random secrets (codes, credentials, session tokens). */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sameSecret = (a: string, b: string): boolean => {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
};
