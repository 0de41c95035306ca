import { createHash } from 'node:crypto';
import { syncItemSchema, type SyncItem } from '../../common/sync/sync-items';
import type { InvalidReason } from '../../common/sync/sync-protocol';

export type CheckedItem = { ok: true; item: SyncItem; hash: string } | { ok: false; reason: InvalidReason };

/** A session date more than this far ahead of the tracker's clock is refused. */
const futureToleranceMs = 24 * 60 * 60 * 1000;

/** Stable JSON (sorted keys) so the same content always hashes the same. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
};

export const contentHash = (value: unknown): string =>
  createHash('sha256').update(canonical(value)).digest('base64url');

const consentAllowsReporting = (state: string, scopes: readonly string[]): boolean =>
  state === 'not-required' || (state === 'given' && scopes.includes('reporting'));

/**
 * Checks one item against the protocol and the enrolled centre (and the retention: a session
 * before the first kept month `keepFrom`, 'YYYY-MM', would be dropped at once). Anything the strict schema does
 * not know (a name, a note, a phone number) makes the item invalid: it is never stored.
 */
export const checkItem = (
  raw: unknown,
  centreCode: string,
  now: Date,
  keepFrom: string | null = null,
): CheckedItem => {
  const parsed = syncItemSchema.safeParse(raw);
  if (!parsed.success) {
    const unexpected = parsed.error.issues.some(
      (issue) =>
        issue.code === 'unrecognized_keys' ||
        (issue.code === 'invalid_union' &&
          issue.errors.some((branch) => branch.some((inner) => inner.code === 'unrecognized_keys'))),
    );
    return { ok: false, reason: unexpected ? 'unexpected-field' : 'malformed' };
  }
  const item = parsed.data;
  if ('centre' in item.payload && item.payload.centre !== centreCode)
    return { ok: false, reason: 'wrong-centre' };
  if (
    item.entity === 'attendance' ||
    (item.entity === 'lesson-progress' && item.payload.personId !== null) ||
    (item.entity === 'person' && 'consentState' in item.payload)
  ) {
    const payload = item.payload as { consentState: string; consentScopes: string[] };
    if (!consentAllowsReporting(payload.consentState, payload.consentScopes))
      return { ok: false, reason: 'no-consent' };
  }
  const date =
    item.entity === 'attendance'
      ? item.payload.sessionDate
      : item.entity === 'session' || item.entity === 'lesson-progress'
        ? item.payload.date
        : null;
  if (date && Date.parse(`${date}T00:00:00Z`) > now.getTime() + futureToleranceMs)
    return { ok: false, reason: 'future-date' };
  if (date && keepFrom && date.slice(0, 7) < keepFrom) return { ok: false, reason: 'past-retention' };
  return { ok: true, item, hash: contentHash(item) };
};
