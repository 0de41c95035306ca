import type { StaffRoleName, StaffStatus } from '../../common/ipc/contract-staff';
import { checkNewPin, isValidPin } from './pin-check';
import { ChispaCallError, type ChispaClient } from '../ipc/client';
import { h, label } from '../ui/dom';
import { field, textInput } from './form-fields';
import { createStatusLine } from './status-line';
import { translateTree } from './staff-text';
import { buildRecoveryCodeNotice, buildRecoveryForm } from './recovery-code';

const pinInput = (id: string, autocomplete: string): HTMLInputElement =>
  h('input', {
    id,
    type: 'password',
    inputmode: 'numeric',
    autocomplete,
    minlength: 4,
    maxlength: 8,
    pattern: '\\d{4,8}',
    required: true,
  });

export interface GateOptions {
  client: ChispaClient;
  status: StaffStatus;
  onUnlocked: (role: StaffRoleName) => void;
  /** Shown above the form, e.g. "locked after inactivity". */
  noticeKey?: string;
}

/** First run: the centre admin chooses the admin PIN (typed twice) and the centre code. */
export const buildSetupScreen = ({ client, onUnlocked }: GateOptions): HTMLElement => {
  const pin = pinInput('staff-setup-pin', 'new-password');
  const again = pinInput('staff-setup-pin-again', 'new-password');
  const centre = textInput({ id: 'staff-setup-centre', maxlength: 40 });
  const status = createStatusLine('staff-setup-status');
  const submit = label('button', 'staff.ui.setup.submit', { type: 'submit', id: 'staff-setup-submit' });
  const form = h(
    'form',
    { class: 'staff-gate', id: 'staff-setup', 'aria-labelledby': 'staff-setup-title', novalidate: true },
    label('h3', 'staff.ui.setup.title', { id: 'staff-setup-title' }),
    label('p', 'staff.ui.setup.intro'),
    field('staff.ui.setup.pin', pin, 'staff.ui.pin.rule'),
    field('staff.ui.setup.pin-again', again),
    field('staff.ui.setup.centre', centre, 'staff.ui.setup.centre-hint'),
    submit,
    status.element,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!checkNewPin(pin, again, status)) return;
    submit.disabled = true;
    try {
      const centreCode = centre.value.trim();
      const { role, recoveryCode } = await client.call('staff.setup', {
        pin: pin.value,
        ...(centreCode ? { centre: centreCode } : {}),
      });
      form.replaceWith(buildRecoveryCodeNotice(recoveryCode, () => onUnlocked(role)));
    } catch (error) {
      status.error(error);
    } finally {
      submit.disabled = false;
    }
  });
  translateTree(form);
  return form;
};

/** Later runs: the PIN decides the role (admin or instructor). */
export const buildUnlockScreen = ({
  client,
  status: staffStatus,
  onUnlocked,
  noticeKey,
}: GateOptions): HTMLElement => {
  const pin = pinInput('staff-pin', 'current-password');
  const status = createStatusLine('staff-unlock-status');
  const submit = label('button', 'staff.ui.unlock.submit', { type: 'submit', id: 'staff-unlock-submit' });
  let lockTimer: ReturnType<typeof setTimeout> | undefined;
  const lockOut = (seconds: number) => {
    submit.disabled = true;
    clearTimeout(lockTimer);
    lockTimer = setTimeout(() => {
      submit.disabled = false;
    }, seconds * 1000);
  };
  const form = h(
    'form',
    { class: 'staff-gate', id: 'staff-unlock', 'aria-labelledby': 'staff-unlock-title', novalidate: true },
    label('h3', 'staff.ui.unlock.title', { id: 'staff-unlock-title' }),
    noticeKey ? label('p', noticeKey, { class: 'notice', id: 'staff-unlock-notice' }) : null,
    field('staff.ui.unlock.pin', pin),
    submit,
    status.element,
  );
  const recovery = buildRecoveryForm(client, (role, newCode) => {
    screen.replaceWith(buildRecoveryCodeNotice(newCode, () => onUnlocked(role)));
  });
  const screen = h('div', { class: 'staff-unlock-screen' }, form, recovery);
  if (staffStatus.lockedOutSeconds > 0) {
    status.error(
      new ChispaCallError({
        code: 'staff.pin-locked-out',
        messageKey: 'staff.error.pin-locked-out',
        params: { retryInSeconds: staffStatus.lockedOutSeconds },
      }),
    );
    lockOut(staffStatus.lockedOutSeconds);
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!isValidPin(pin.value)) {
      status.invalid('staff.ui.pin.rule');
      pin.focus();
      return;
    }
    submit.disabled = true;
    try {
      const { role } = await client.call('staff.unlock', { pin: pin.value });
      pin.value = '';
      onUnlocked(role);
    } catch (error) {
      status.error(error);
      // Keep what was typed but selected, so typing again replaces it.
      pin.focus();
      pin.select();
      const retry = error instanceof ChispaCallError ? Number(error.error.params?.retryInSeconds ?? 0) : 0;
      if (retry > 0) {
        lockOut(retry);
        return;
      }
    }
    submit.disabled = false;
  });
  translateTree(form);
  return screen;
};
