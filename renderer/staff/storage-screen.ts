import type { StorageStatus } from '../../common/ipc/contract-attendance';
import type { ChispaClient } from '../ipc/client';
import { getLocale } from '../i18n/i18n';
import { h, label } from '../ui/dom';
import { field } from './form-fields';
import { shortDateTime } from './local-dates';
import { createStatusLine } from './status-line';
import { setText, translateTree } from './staff-text';

/**
 * The attendance database is damaged: say so before anything else, never overwrite it, and
 * offer the backups (restoring needs the admin PIN stored in that backup).
 */
export const buildStorageScreen = (options: {
  client: ChispaClient;
  storage: StorageStatus;
  onRestored: (after: StorageStatus) => void;
}): HTMLElement => {
  const { storage } = options;
  const status = createStatusLine('staff-storage-status');
  const pin = h('input', { type: 'password', inputmode: 'numeric', id: 'staff-restore-pin', maxlength: 8 });
  const choice = h('select', { id: 'staff-restore-backup' });
  for (const backup of storage.backups) {
    const option = h('option', { value: backup.id });
    option.textContent = `${shortDateTime(backup.createdAt, getLocale())} — ${backup.id}`;
    choice.append(option);
  }
  const restore = label('button', 'staff.ui.storage.restore', { type: 'submit', id: 'staff-restore' });
  const message = h('p', { class: 'error-text', role: 'alert' });
  setText(message, storage.messageKey ?? 'staff.error.db-corrupt');
  const form = h(
    'form',
    { class: 'staff-gate', id: 'staff-storage', novalidate: true },
    label('h3', 'staff.ui.storage.title'),
    message,
    storage.backups.length
      ? h('div', {}, field('staff.ui.storage.backup', choice), field('staff.ui.storage.pin', pin), restore)
      : label('p', 'staff.ui.storage.no-backup'),
    status.element,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    restore.disabled = true;
    try {
      const after = await options.client.call('storage.restoreBackup', {
        backupId: choice.value,
        adminPin: pin.value,
      });
      if (after.state === 'ok') options.onRestored(after);
      else status.ok(after.messageKey ?? 'staff.error.db-corrupt');
    } catch (error) {
      status.error(error);
    } finally {
      restore.disabled = false;
    }
  });
  translateTree(form);
  return form;
};
