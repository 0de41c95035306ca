import type { Feature } from '../app/features';
import { t } from '../i18n/i18n';
import { label } from '../ui/dom';
import { createStaffArea } from './staff-area';
import { wireParamTextRefresh } from './staff-text';

/**
 * Issue 6, renderer half: a "Staff" button in the header opens the PIN-protected staff area in
 * place of the student regions (an open lesson stays, with its instructor notes); leaving it (or "Lock") locks it and brings the student view back.
 */
export const staffFeature: Feature = ({ client, frame }) => {
  wireParamTextRefresh();
  const region = frame.regions.staff;
  const studentRegions = [frame.regions.lesson, frame.regions.workspace, frame.regions.board];
  const toggle = label('button', 'app.staff.open', {
    type: 'button',
    class: 'secondary staff-toggle',
    id: 'staff-toggle',
    'aria-controls': region.id,
    'aria-expanded': 'false',
  });
  frame.toolbar.append(toggle);
  let hiddenBefore: boolean[] = [];

  const setToggle = (key: string, expanded: boolean) => {
    toggle.dataset.i18n = key;
    toggle.textContent = t(key);
    toggle.setAttribute('aria-expanded', String(expanded));
  };

  const showStudent = () => {
    region.hidden = true;
    studentRegions.forEach((student, i) => {
      student.hidden = hiddenBefore[i] ?? false;
    });
    document.body.classList.remove('staff-mode');
    setToggle('app.staff.open', false);
    toggle.focus();
  };
  const area = createStaffArea(client, showStudent);
  region.querySelector('[data-placeholder="staff"]')?.remove();
  region.append(area.element);

  const showStaff = () => {
    hiddenBefore = studentRegions.map((student) => student.hidden);
    for (const student of studentRegions) student.hidden = true;
    // An open lesson stays beside the staff area: there it shows the step's instructor notes.
    const lesson = frame.regions.lesson;
    if (lesson.dataset.lesson && !hiddenBefore[0]) lesson.hidden = false;
    region.hidden = false;
    document.body.classList.add('staff-mode');
    setToggle('app.student.open', true);
    void area.open();
  };
  toggle.addEventListener('click', () => {
    if (region.hidden) showStaff();
    else void area.lockAndExit();
  });
};
