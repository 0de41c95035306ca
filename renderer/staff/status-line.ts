import { ChispaCallError } from '../ipc/client';
import type { IpcError } from '../../common/ipc/app-error';
import type { MessageParams } from '../../common/i18n/translate';
import { h } from '../ui/dom';
import { setErrorText, setText } from './staff-text';

/** Turns anything thrown by a call into the IpcError the user should read. */
export const toIpcError = (error: unknown): IpcError =>
  error instanceof ChispaCallError
    ? error.error
    : { code: 'internal', messageKey: 'error.internal', details: [String(error)] };

export interface StatusLine {
  element: HTMLElement;
  ok(key: string, params?: MessageParams): void;
  error(error: unknown): void;
  /** A problem found before calling main (a form field), as a locale key. */
  invalid(key: string, params?: MessageParams): void;
  clear(): void;
  /** Clears only an error (a reload that worked must not wipe a success message). */
  clearError(): void;
}

/**
 * A polite live region under a form: successes and errors are announced to screen readers and
 * follow the language (errors are re-described on a switch, see staff-text.ts).
 */
export const createStatusLine = (id?: string): StatusLine => {
  const element = h('p', { class: 'staff-status', role: 'status', 'aria-live': 'polite', id });
  const clear = () => {
    delete element.dataset.staffI18n;
    delete element.dataset.staffError;
    delete element.dataset.state;
    delete element.dataset.code;
    element.classList.remove('error-text');
    element.textContent = '';
  };
  return {
    element,
    ok(key, params) {
      element.classList.remove('error-text');
      element.dataset.state = 'ok';
      delete element.dataset.code;
      setText(element, key, params);
    },
    error(error) {
      const ipcError = toIpcError(error);
      element.classList.add('error-text');
      element.dataset.state = 'error';
      element.dataset.code = ipcError.code;
      setErrorText(element, ipcError);
    },
    invalid(key, params) {
      element.classList.add('error-text');
      element.dataset.state = 'error';
      element.dataset.code = 'invalid';
      setText(element, key, params);
    },
    clear,
    clearError() {
      if (element.dataset.state === 'error') clear();
    },
  };
};
