import { h, label } from '../ui/dom';
import { field } from './form-fields';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';

/** Admin settings that protect people: how long named exports stay, and a new recovery code. */
export const buildPrivacySettings = (ctx: StaffContext): HTMLElement => {
  const days = h('input', { id: 'settings-retention-days', type: 'number', min: 0, max: 365, step: 1 });
  const retentionStatus = createStatusLine('settings-retention-status');
  const retention = h(
    'form',
    { class: 'staff-card', id: 'settings-retention', novalidate: true },
    label('h3', 'staff.ui.settings.retention-title'),
    field('staff.ui.settings.retention-days', days, 'staff.ui.settings.retention-hint'),
    label('button', 'staff.ui.save', { type: 'submit' }),
    retentionStatus.element,
  );
  void ctx.call('exports.namedRetention', {}).then(
    (result) => (days.value = String(result.days)),
    (error: unknown) => retentionStatus.error(error),
  );
  retention.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const result = await ctx.call('exports.setNamedRetention', { days: Number(days.value) });
      retentionStatus.ok('staff.ui.settings.retention-set', { days: result.days });
    } catch (error) {
      retentionStatus.error(error);
    }
  });

  const codeStatus = createStatusLine('settings-recovery-status');
  const code = h('p', { class: 'recovery-code', id: 'settings-recovery-value' });
  const recovery = h(
    'section',
    { class: 'staff-card' },
    label('h3', 'staff.ui.recovery.title'),
    label('button', 'staff.ui.recovery.renew', {
      type: 'button',
      class: 'secondary',
      id: 'settings-recovery-renew',
      onclick: async () => {
        try {
          code.textContent = (await ctx.call('staff.renewRecoveryCode', {})).recoveryCode;
          codeStatus.ok('staff.ui.recovery.show');
        } catch (error) {
          codeStatus.error(error);
        }
      },
    }),
    code,
    codeStatus.element,
  );
  return h('div', { class: 'privacy-settings' }, retention, recovery);
};
