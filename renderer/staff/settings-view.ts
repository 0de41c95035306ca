import type { StaffRoleName } from '../../common/ipc/contract-staff';
import { checkNewPin } from './pin-check';
import { h, label } from '../ui/dom';
import { field, textInput } from './form-fields';
import type { StaffContext } from './staff-context';
import { buildPrivacySettings } from './privacy-settings';
import { buildHelpCountrySettings } from './help-country-settings';
import { createStatusLine } from './status-line';
import { translateTree } from './staff-text';

const pinField = (id: string) =>
  h('input', {
    id,
    type: 'password',
    inputmode: 'numeric',
    autocomplete: 'new-password',
    maxlength: 8,
    pattern: '\\d{4,8}',
  });

/** One "set PIN" form (typed twice) for a role. */
const pinForm = (ctx: StaffContext, role: StaffRoleName, onSet: () => void) => {
  const pin = pinField(`settings-${role}-pin`);
  const again = pinField(`settings-${role}-pin-again`);
  const status = createStatusLine(`settings-${role}-status`);
  const submit = label('button', 'staff.ui.settings.set-pin', {
    type: 'submit',
    id: `settings-${role}-submit`,
  });
  const form = h(
    'form',
    {
      class: 'staff-card',
      id: `settings-${role}-form`,
      novalidate: true,
      'aria-labelledby': `settings-${role}-title`,
    },
    label('h3', `staff.ui.settings.${role}-pin`, { id: `settings-${role}-title` }),
    field('staff.ui.settings.new-pin', pin, 'staff.ui.pin.rule'),
    field('staff.ui.setup.pin-again', again),
    submit,
    status.element,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!checkNewPin(pin, again, status)) return;
    submit.disabled = true;
    try {
      await ctx.call('staff.setPin', { role, pin: pin.value });
      pin.value = again.value = '';
      status.ok(`staff.ui.settings.${role}-pin-set`);
      onSet();
    } catch (error) {
      status.error(error);
    } finally {
      submit.disabled = false;
    }
  });
  return { form, status };
};

/** Admin settings: instructor PIN (set / remove), admin PIN, centre code, backup now. */
export const createSettingsView = (ctx: StaffContext) => {
  const instructorState = h('p', { id: 'settings-instructor-state' });
  const showInstructorState = (set: boolean) => {
    instructorState.dataset.i18n = set
      ? 'staff.ui.settings.instructor-set'
      : 'staff.ui.settings.instructor-unset';
    translateTree(instructorState.parentElement ?? instructorState);
  };
  const instructor = pinForm(ctx, 'instructor', () => showInstructorState(true));
  const clear = label('button', 'staff.ui.settings.clear-instructor', {
    type: 'button',
    class: 'secondary',
    id: 'settings-clear-instructor',
    onclick: async () => {
      try {
        await ctx.call('staff.clearInstructorPin', {});
        instructor.status.ok('staff.ui.settings.instructor-cleared');
        showInstructorState(false);
      } catch (error) {
        instructor.status.error(error);
      }
    },
  });
  instructor.form.insertBefore(instructorState, instructor.form.children[1]);
  instructor.form.append(clear);
  const admin = pinForm(ctx, 'admin', () => undefined);

  const centre = textInput({ id: 'settings-centre', maxlength: 40, value: ctx.status.centre });
  const centreStatus = createStatusLine('settings-centre-status');
  const centreForm = h(
    'form',
    { class: 'staff-card', id: 'settings-centre-form', novalidate: true },
    field('staff.ui.settings.centre', centre, 'staff.ui.setup.centre-hint'),
    label('button', 'staff.ui.save', { type: 'submit' }),
    centreStatus.element,
  );
  centreForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const result = await ctx.call('staff.setCentre', { centre: centre.value });
      centreStatus.ok('staff.ui.settings.centre-set', { centre: result.centre });
    } catch (error) {
      centreStatus.error(error);
    }
  });

  const backupStatus = createStatusLine('settings-backup-status');
  const backup = h(
    'section',
    { class: 'staff-card' },
    label('h3', 'staff.ui.settings.backup-title'),
    label('button', 'staff.ui.settings.backup-now', {
      type: 'button',
      class: 'secondary',
      id: 'settings-backup',
      onclick: async () => {
        try {
          const info = await ctx.call('storage.backupNow', {});
          backupStatus.ok('staff.ui.settings.backup-done', { file: info.id });
        } catch (error) {
          backupStatus.error(error);
        }
      },
    }),
    backupStatus.element,
  );

  const element = h(
    'div',
    { class: 'staff-view settings-view' },
    instructor.form,
    admin.form,
    centreForm,
    backup,
    ctx.role === 'admin' ? buildPrivacySettings(ctx) : null,
    ctx.role === 'admin' ? buildHelpCountrySettings(ctx) : null,
  );
  translateTree(element);
  showInstructorState(ctx.status.instructorPinSet);
  return { element, show: () => undefined };
};
