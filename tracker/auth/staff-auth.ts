import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Database } from '../db/database';
import { loginLimit, recordAttempt, retryAfterSeconds } from './attempt-limit';
import { hashSecret, randomSecret } from './secrets';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;
export const staffSessionHours = 12;
export const staffCookie = 'chispa_staff';

const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${(await scryptAsync(password, salt, 32)).toString('base64url')}`;
};

const passwordMatches = async (password: string, stored: string): Promise<boolean> => {
  const [, salt, hash] = stored.split('$');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), 32);
  return timingSafeEqual(actual, Buffer.from(hash, 'base64url'));
};

/** Programme staff (dashboard only). A password shorter than 10 characters is refused. */
export const createStaffUser = async (db: Database, username: string, password: string): Promise<boolean> => {
  if (password.length < 10 || !/^[a-z0-9._-]{3,40}$/.test(username)) return false;
  await db.query(
    `INSERT INTO staff_user (username, password_hash) VALUES ($1, $2)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash`,
    [username, await hashPassword(password)],
  );
  return true;
};

export type LoginOutcome = { ok: true; token: string } | { ok: false; retryAfter?: number };

export const signInStaff = async (
  db: Database,
  username: string,
  password: string,
  client: string,
): Promise<LoginOutcome> => {
  const wait = await retryAfterSeconds(db, loginLimit, client);
  if (wait > 0) return { ok: false, retryAfter: wait };
  const [user] = await db.query<{ password_hash: string }>(
    'SELECT password_hash FROM staff_user WHERE username = $1',
    [username],
  );
  const ok = !!user && (await passwordMatches(password, user.password_hash));
  await recordAttempt(db, loginLimit, client, ok);
  if (!ok) return { ok: false };
  const token = randomSecret();
  await db.query(
    `INSERT INTO staff_session (token_hash, username, expires_at)
     VALUES ($1, $2, now() + make_interval(hours => $3))`,
    [hashSecret(token), username, staffSessionHours],
  );
  return { ok: true, token };
};

export const staffFromToken = async (db: Database, token: string | undefined): Promise<string | null> => {
  if (!token) return null;
  const [row] = await db.query<{ username: string }>(
    'SELECT username FROM staff_session WHERE token_hash = $1 AND expires_at > now()',
    [hashSecret(token)],
  );
  return row?.username ?? null;
};

export const signOutStaff = (db: Database, token: string) =>
  db.query('DELETE FROM staff_session WHERE token_hash = $1', [hashSecret(token)]);
