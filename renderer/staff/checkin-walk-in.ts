import type { ActivityType, PersonSearchHit } from '../../common/ipc/contract-attendance';
import { h, label } from '../ui/dom';
import { confirmCheckInWithoutConsent, consentForCheckIn } from './consent-confirm';
import { mayBeMinor } from './local-dates';
import { createPersonForm } from './person-form';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';

/** Someone not on the roster yet: the walk-in form creates the person and checks them in at once. */
export const createWalkIn = (
  ctx: StaffContext,
  options: {
    sessionId: () => string;
    activity: () => ActivityType | undefined;
    /** What was typed in the search (the name carries over). */
    typedName: () => string;
    /** keptHere: the row stays on this PC (no consent for central reporting). */
    onCheckedIn: (person: PersonSearchHit, keptHere: boolean) => void;
    onClose: () => void;
  },
) => {
  const personForm = createPersonForm({ idPrefix: 'walkin', withConsent: true });
  const status = createStatusLine('walkin-status');
  const submit = label('button', 'staff.ui.walkin.submit', { type: 'submit', id: 'walkin-submit' });
  const form = h(
    'form',
    {
      class: 'staff-card walkin',
      id: 'walkin-form',
      hidden: true,
      'aria-labelledby': 'walkin-title',
      novalidate: true,
    },
    label('h4', 'staff.ui.walkin.title', { id: 'walkin-title' }),
    personForm.element,
    h(
      'div',
      { class: 'actions' },
      submit,
      label('button', 'staff.ui.cancel', {
        type: 'button',
        class: 'secondary',
        onclick: () => toggle(false),
      }),
    ),
    status.element,
  );
  const openButton = label('button', 'staff.ui.walkin.open', {
    type: 'button',
    class: 'secondary',
    id: 'walkin-open',
    'aria-expanded': 'false',
    'aria-controls': 'walkin-form',
  });
  const toggle = (open: boolean) => {
    form.hidden = !open;
    openButton.setAttribute('aria-expanded', String(open));
    if (open) {
      if (!personForm.nameInput.value) {
        // Most walk-ins at a family workshop are caregivers, at a teacher training teachers.
        const activity = options.activity();
        personForm.setType(
          activity === 'digital-safety-family'
            ? 'caregiver'
            : activity === 'teacher-training'
              ? 'teacher'
              : 'learner',
        );
        personForm.nameInput.value = options.typedName();
      }
      personForm.focus();
    } else options.onClose();
  };
  openButton.addEventListener('click', () => toggle(form.hidden));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const read = personForm.read();
    if (!read.ok) {
      status.invalid(read.key, read.params);
      read.focus.focus();
      return;
    }
    const sessionId = options.sessionId();
    if (!sessionId) {
      status.invalid('staff.ui.checkin.no-session');
      return;
    }
    // The same consent rule as a tap on the roster: a minor without consent only after a yes.
    const withoutConsent = mayBeMinor(read.person.birthYear ?? null) && !read.person.consent;
    if (withoutConsent && !(await confirmCheckInWithoutConsent(read.person.displayName))) {
      status.ok('screens.consent.not-marked', { name: read.person.displayName });
      return;
    }
    submit.disabled = true;
    try {
      const { person, checkIn } = await ctx.call('checkin.walkIn', {
        sessionId,
        person: read.person,
        confirmNoConsent: withoutConsent,
      });
      personForm.reset();
      status.clear();
      const keptHere = consentForCheckIn(person).kind !== 'reported';
      options.onCheckedIn({ ...person, present: checkIn.present }, keptHere);
      toggle(false);
      ctx.notify('attendance');
    } catch (error) {
      status.error(error);
    } finally {
      submit.disabled = false;
    }
  });

  return { form, openButton };
};
