import type { StaffRoleName } from '../../common/ipc/contract-staff';
import type { ChispaClient } from '../ipc/client';
import { h, label } from '../ui/dom';
import { field, textInput } from './form-fields';
import { createStatusLine } from './status-line';
import { translateTree } from './staff-text';

/** Shows a new recovery code once; `onDone` continues into the staff area. */
export const buildRecoveryCodeNotice = (code: string, onDone: () => void): HTMLElement => {
  const done = label('button', 'staff.ui.recovery.done', { type: 'button', id: 'staff-recovery-done' });
  done.addEventListener('click', onDone);
  const notice = h(
    'section',
    { class: 'staff-gate', id: 'staff-recovery-code', 'aria-labelledby': 'staff-recovery-title' },
    label('h3', 'staff.ui.recovery.title', { id: 'staff-recovery-title' }),
    label('p', 'staff.ui.recovery.show'),
    h('p', { class: 'recovery-code', id: 'staff-recovery-value' }, code),
    done,
  );
  translateTree(notice);
  return notice;
};

/** Under the unlock form: the recovery code opens the staff area during a PIN lockout. */
export const buildRecoveryForm = (
  client: ChispaClient,
  onRecovered: (role: StaffRoleName, newCode: string) => void,
): HTMLElement => {
  const code = textInput({ id: 'staff-recovery-input', maxlength: 40, spellcheck: 'false' });
  const status = createStatusLine('staff-recovery-status');
  const submit = label('button', 'staff.ui.recovery.submit', { type: 'submit', id: 'staff-recovery-submit' });
  const form = h(
    'form',
    { id: 'staff-recovery', novalidate: true },
    field('staff.ui.recovery.code', code),
    submit,
  );
  const details = h(
    'details',
    { class: 'staff-recovery' },
    label('summary', 'staff.ui.recovery.use'),
    form,
    status.element,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const result = await client.call('staff.recover', { code: code.value });
      code.value = '';
      onRecovered(result.role, result.recoveryCode);
    } catch (error) {
      status.error(error);
    } finally {
      submit.disabled = false;
    }
  });
  translateTree(details);
  return details;
};
