/**
 * The one consent rule, used by every path that records a person or their attendance: the walk-in
 * form, People (add, edit, record consent), the roster import and check-in, in main and in the page.
 *
 * - A consent record names its scopes explicitly (nothing is ticked for the guardian) and always
 *   includes 'attendance': it is what this register keeps; 'reporting' and 'photos' are optional.
 * - A minor may be registered before the guardian's form comes back (consent 'missing').
 * - Check-in of a minor without consent is never silent: staff must confirm it, and the row stays
 *   on this computer (the sync outbox withholds rows without 'reporting' consent).
 * - Withdrawn consent or a deleted person: no check-in at all.
 */
import type { ConsentScope, ConsentState } from '../ipc/attendance-schemas';

/** Why a consent record is not acceptable (an i18n key under staff.error.*), or null. */
export const consentScopesProblem = (
  scopes: readonly ConsentScope[],
): 'consent-scopes-empty' | 'consent-scopes-attendance' | null => {
  if (scopes.length === 0) return 'consent-scopes-empty';
  if (!scopes.includes('attendance')) return 'consent-scopes-attendance';
  return null;
};

export interface ConsentFacts {
  consentState: ConsentState;
  /** Scopes of the latest consent record (ignored unless it is given). */
  consentScopes: readonly ConsentScope[];
  deletedAt: string | null;
}

export type CheckInConsent =
  /** Recorded here and counted in the central report. */
  | { kind: 'reported' }
  /** Recorded here only: the guardian did not agree to central reporting. */
  | { kind: 'local-only' }
  /** A minor without consent: only with staff's confirmation, and recorded here only. */
  | { kind: 'needs-confirmation' }
  | { kind: 'refused'; reason: 'person-deleted' | 'consent-withdrawn' };

export const checkInConsent = (person: ConsentFacts): CheckInConsent => {
  if (person.deletedAt) return { kind: 'refused', reason: 'person-deleted' };
  switch (person.consentState) {
    case 'not-required':
      return { kind: 'reported' };
    case 'withdrawn':
      return { kind: 'refused', reason: 'consent-withdrawn' };
    case 'missing':
      return { kind: 'needs-confirmation' };
    case 'given':
      if (!person.consentScopes.includes('attendance')) return { kind: 'needs-confirmation' };
      return person.consentScopes.includes('reporting') ? { kind: 'reported' } : { kind: 'local-only' };
  }
};
