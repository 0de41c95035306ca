import type { MessageParams } from '../../common/i18n/translate';
import { h, label } from '../ui/dom';
import { setText, translateTree } from './staff-text';

/**
 * A modal question with a clear consequence. Focus starts on Cancel (the safe choice), Esc
 * cancels, and focus returns to where it was.
 */
export const confirmAction = (options: {
  id: string;
  titleKey: string;
  messageKey: string;
  params?: MessageParams;
  confirmKey: string;
  danger?: boolean;
}): Promise<boolean> => {
  const returnFocus = document.activeElement as HTMLElement | null;
  const message = h('p', { id: `${options.id}-message` });
  setText(message, options.messageKey, options.params);
  const cancel = label('button', 'staff.ui.cancel', {
    type: 'button',
    class: 'secondary',
    id: `${options.id}-cancel`,
  });
  const confirm = label('button', options.confirmKey, {
    type: 'button',
    id: `${options.id}-confirm`,
    class: options.danger ? 'danger' : undefined,
  });
  const dialog = h(
    'dialog',
    {
      class: 'staff-dialog',
      id: options.id,
      'aria-labelledby': `${options.id}-title`,
      'aria-describedby': message.id,
    },
    label('h3', options.titleKey, { id: `${options.id}-title` }),
    message,
    h('div', { class: 'actions' }, cancel, confirm),
  );
  translateTree(dialog);
  document.body.append(dialog);
  return new Promise((resolve) => {
    let answer = false;
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', () => {
      answer = true;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      returnFocus?.focus();
      resolve(answer);
    });
    dialog.showModal();
    cancel.focus();
  });
};
