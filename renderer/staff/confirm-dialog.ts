import type { MessageParams } from '../../common/i18n/translate';
import { askConfirm } from '../ui/confirm-dialog';
import { h, label } from '../ui/dom';
import { setText, translateTree } from './staff-text';

/**
 * A modal question with a clear consequence, in the staff area's language-following texts
 * (the dialog mechanics are renderer/ui/confirm-dialog.ts).
 */
export const confirmAction = (options: {
  id: string;
  titleKey: string;
  messageKey: string;
  params?: MessageParams;
  confirmKey: string;
  danger?: boolean;
}): Promise<boolean> => {
  const message = h('p', { id: `${options.id}-message` });
  setText(message, options.messageKey, options.params);
  return askConfirm({
    className: 'staff-dialog',
    id: options.id,
    title: label('h3', options.titleKey, { id: `${options.id}-title` }),
    message,
    cancel: label('button', 'staff.ui.cancel', {
      type: 'button',
      class: 'secondary',
      id: `${options.id}-cancel`,
    }),
    confirm: label('button', options.confirmKey, {
      type: 'button',
      id: `${options.id}-confirm`,
      class: options.danger ? 'danger' : undefined,
    }),
    beforeOpen: translateTree,
  });
};
