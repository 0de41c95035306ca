import { randomUUID } from 'node:crypto';
import type { EnrolResponse } from '../../common/sync/sync-protocol';
import type { SyncErrorCode } from '../../common/sync/sync-errors';
import type { Database } from '../db/database';
import { enrolLimit, recordAttempt, retryAfterSeconds } from '../auth/attempt-limit';
import { hashSecret, randomSecret } from '../auth/secrets';
import { defaultCodeTtlMinutes, newEnrolmentCode, normaliseEnrolmentCode } from './enrolment-code';

export type EnrolOutcome =
  | { ok: true; response: Omit<EnrolResponse, 'serverTime'> }
  | { ok: false; code: SyncErrorCode; retryAfter?: number };

/**
 * Exchanges a one-time code for a device credential. The code is claimed by one UPDATE (unused
 * and unexpired), so two devices racing with the same code cannot both win. Failed tries count
 * towards the rate limit.
 */
export const enrolDevice = async (db: Database, typedCode: string, client: string): Promise<EnrolOutcome> => {
  const wait = await retryAfterSeconds(db, enrolLimit, client);
  if (wait > 0) return { ok: false, code: 'rate-limited', retryAfter: wait };
  const codeHash = hashSecret(normaliseEnrolmentCode(typedCode));
  const deviceId = randomUUID();
  const credential = `chd_${randomSecret()}`;
  const bundleKey = randomSecret();
  const outcome = await db.transaction(async (tx): Promise<EnrolOutcome> => {
    const [claimed] = await tx.query<{ id: string; code: string; country_code: string }>(
      `UPDATE enrolment_code e SET used_at = now(), device_id = $2::uuid
       FROM centre c
       WHERE e.code_hash = $1 AND e.used_at IS NULL AND e.expires_at > now() AND c.id = e.centre_id
       RETURNING c.id::text, c.code, c.country_code`,
      [codeHash, deviceId],
    );
    if (!claimed) {
      const [known] = await tx.query<{ used: boolean }>(
        'SELECT used_at IS NOT NULL AS used FROM enrolment_code WHERE code_hash = $1',
        [codeHash],
      );
      const code: SyncErrorCode = !known
        ? 'enrolment-code-invalid'
        : known.used
          ? 'enrolment-code-used'
          : 'enrolment-code-expired';
      return { ok: false, code };
    }
    await tx.query(
      'INSERT INTO device (id, centre_id, credential_hash, bundle_key) VALUES ($1::uuid, $2::uuid, $3, $4)',
      [deviceId, claimed.id, hashSecret(credential), bundleKey],
    );
    return {
      ok: true,
      response: {
        deviceId,
        credential,
        bundleKey,
        centre: { id: claimed.id, code: claimed.code, country: claimed.country_code },
      },
    };
  });
  await recordAttempt(db, enrolLimit, client, outcome.ok);
  return outcome;
};

/** A new one-time code for a centre; only its hash is stored, so it is shown once. */
export const issueEnrolmentCode = async (
  db: Database,
  centreCode: string,
  ttlMinutes = defaultCodeTtlMinutes,
): Promise<{ code: string; expiresAt: string } | null> => {
  const code = newEnrolmentCode();
  // Two plain statements (no INSERT … SELECT with now()): the same on a Citus reference table.
  const [centre] = await db.query<{ id: string }>('SELECT id::text FROM centre WHERE code = $1', [
    centreCode,
  ]);
  if (!centre) return null;
  const expiresAt = new Date(Date.now() + ttlMinutes * 60_000).toISOString();
  await db.query(
    'INSERT INTO enrolment_code (code_hash, centre_id, expires_at) VALUES ($1, $2::uuid, $3::timestamptz)',
    [hashSecret(normaliseEnrolmentCode(code)), centre.id, expiresAt],
  );
  return { code, expiresAt };
};
