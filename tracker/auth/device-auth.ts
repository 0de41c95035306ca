import type { Database } from '../db/database';
import type { EnrolledDevice } from '../sync/apply-batch';
import { hashSecret } from './secrets';

export type DeviceAuth =
  | { ok: true; device: EnrolledDevice & { country: string } }
  | { ok: false; code: 'unauthenticated' | 'device-revoked' };

/** `Authorization: Bearer <credential>` → the enrolled device, or why it is refused. */
export const authenticateDevice = async (
  db: Database,
  authorization: string | undefined,
): Promise<DeviceAuth> => {
  const credential = /^Bearer (chd_[A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '')?.[1];
  if (!credential) return { ok: false, code: 'unauthenticated' };
  const [row] = await db.query<{
    id: string;
    centre_id: string;
    code: string;
    country_code: string;
    revoked: boolean;
  }>(
    `UPDATE device d SET last_seen_at = now() FROM centre c
     WHERE d.credential_hash = $1 AND c.id = d.centre_id
     RETURNING d.id::text, d.centre_id::text, c.code, c.country_code, d.revoked_at IS NOT NULL AS revoked`,
    [hashSecret(credential)],
  );
  if (!row) return { ok: false, code: 'unauthenticated' };
  if (row.revoked) return { ok: false, code: 'device-revoked' };
  return {
    ok: true,
    device: { id: row.id, centreId: row.centre_id, centreCode: row.code, country: row.country_code },
  };
};
