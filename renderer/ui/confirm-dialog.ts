import { h } from './dom';

/**
 * A modal yes/no question. The caller builds the title, message and buttons (their text, ids
 * and test ids); this does the rest: focus starts on Cancel (the safe choice — an accidental
 * Enter does nothing harmful), Esc cancels, and focus returns to where it was.
 */
export const askConfirm = (parts: {
  className: string;
  id?: string;
  title: HTMLElement & { id: string };
  message: HTMLElement & { id: string };
  cancel: HTMLButtonElement;
  confirm: HTMLButtonElement;
  /** Runs once the dialog is assembled, before it opens (e.g. translate the tree). */
  beforeOpen?: (dialog: HTMLDialogElement) => void;
}): Promise<boolean> => {
  const returnFocus = document.activeElement as HTMLElement | null;
  const dialog = h(
    'dialog',
    {
      class: parts.className,
      id: parts.id,
      'aria-labelledby': parts.title.id,
      'aria-describedby': parts.message.id,
    },
    parts.title,
    parts.message,
    h('div', { class: 'actions' }, parts.cancel, parts.confirm),
  );
  parts.beforeOpen?.(dialog);
  document.body.append(dialog);
  return new Promise((resolve) => {
    let answer = false;
    parts.cancel.addEventListener('click', () => dialog.close());
    parts.confirm.addEventListener('click', () => {
      answer = true;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      returnFocus?.focus();
      resolve(answer);
    });
    dialog.showModal();
    parts.cancel.focus();
  });
};
