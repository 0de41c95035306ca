import { checkInConsent, type CheckInConsent } from '../../common/attendance/consent-rule';
import type { Person } from '../../common/ipc/contract-attendance';
import { confirmAction } from './confirm-dialog';

/** The consent rule for a person as the page knows them (main applies the same rule again). */
export const consentForCheckIn = (person: Pick<Person, 'consentState' | 'consent' | 'deletedAt'>) =>
  checkInConsent({
    consentState: person.consentState,
    consentScopes: person.consent?.scopes ?? [],
    deletedAt: person.deletedAt,
  });

/** Asks before a minor without the guardian's consent is marked present (never silent). */
export const confirmCheckInWithoutConsent = (name: string): Promise<boolean> =>
  confirmAction({
    id: 'no-consent-dialog',
    titleKey: 'screens.consent.confirm-title',
    messageKey: 'screens.consent.confirm-message',
    params: { name },
    confirmKey: 'screens.consent.confirm',
  });

/** The status message after a check-in: a row kept on this PC says so. */
export const markedMessageKey = (rule: CheckInConsent): string =>
  rule.kind === 'reported' ? 'staff.ui.checkin.marked' : 'screens.consent.marked-local';
