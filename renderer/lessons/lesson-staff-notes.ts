import type { StaffRoleName } from '../../common/ipc/contract-staff';
import { renderGuide } from '../board-connect/guide-view';
import { getLocale, onLocaleChange } from '../i18n/i18n';
import type { ChispaClient } from '../ipc/client';
import { currentStaffRole, onStaffRoleChange } from '../staff/staff-role-event';
import { h, label } from '../ui/dom';

let headingCount = 0;

/**
 * "Instructor notes" under the open lesson step. Asked from main only while this connection holds a
 * staff role (main refuses the call otherwise), so a student's screen never receives them.
 */
export const createLessonStaffNotes = (client: ChispaClient, lessonId: string) => {
  headingCount += 1;
  const headingId = `lesson-staff-notes-title-${headingCount}`;
  const body = h('div', { class: 'lesson-staff-notes-body', 'data-testid': 'lesson-staff-notes-body' });
  const element = h(
    'aside',
    { class: 'lesson-staff-notes', 'data-testid': 'lesson-staff-notes', 'aria-labelledby': headingId, hidden: true },
    label('h5', 'lessons.staffNotes.title', { id: headingId }),
    label('p', 'lessons.staffNotes.note', { class: 'lesson-staff-notes-note' }),
    body,
  );
  let role: StaffRoleName | null = currentStaffRole();
  let step = -1;
  let notes: { es: string | null; en: string | null } | null = null;
  let asked = 0;

  const paint = () => {
    if (!role || step < 0) {
      element.hidden = true;
      body.replaceChildren();
      return;
    }
    element.hidden = false;
    const text = notes?.[getLocale()];
    if (notes === null) body.replaceChildren(label('p', 'lessons.staffNotes.error'));
    else if (!text) body.replaceChildren(label('p', 'lessons.staffNotes.none'));
    else renderGuide(body, text, () => {});
  };

  const load = async () => {
    const ask = ++asked;
    if (!role || step < 0) return paint();
    try {
      const answer = await client.call('lessons.staffNotes', { id: lessonId, step });
      if (ask === asked) notes = answer.notes;
    } catch (error) {
      console.warn('staff notes could not be read', error);
      if (ask === asked) notes = null;
    }
    if (ask === asked) paint();
  };

  const stopRole = onStaffRoleChange((next) => {
    role = next;
    void load();
  });
  const stopLocale = onLocaleChange(paint);
  return {
    element,
    /** The step now shown; -1 when none. */
    showStep(index: number) {
      step = index;
      void load();
    },
    dispose() {
      stopRole();
      stopLocale();
    },
  };
};
