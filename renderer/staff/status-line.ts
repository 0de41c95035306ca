import { ChispaCallError } from '../ipc/client';
import { errorText, onLocaleChange } from '../i18n/i18n';
import type { IpcError } from '../../common/ipc/app-error';
import type { MessageParams } from '../../common/i18n/translate';
import { h } from '../ui/dom';
import { setText } from './staff-text';

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
 * stay in the current language (errors are re-described on a language change).
 */
export const createStatusLine = (id?: string): StatusLine => {
  const element = h('p', { class: 'staff-status', role: 'status', 'aria-live': 'polite', id });
  let lastError: IpcError | null = null;
  onLocaleChange(() => {
    if (lastError) element.textContent = errorText(lastError);
  });
  const clear = () => {
    lastError = null;
    delete element.dataset.staffI18n;
    delete element.dataset.state;
    delete element.dataset.code;
    element.classList.remove('error-text');
    element.textContent = '';
  };
  return {
    element,
    ok(key, params) {
      lastError = null;
      element.classList.remove('error-text');
      element.dataset.state = 'ok';
      delete element.dataset.code;
      setText(element, key, params);
    },
    error(error) {
      lastError = toIpcError(error);
      delete element.dataset.staffI18n;
      element.classList.add('error-text');
      element.dataset.state = 'error';
      element.dataset.code = lastError.code;
      element.textContent = errorText(lastError);
    },
    invalid(key, params) {
      lastError = null;
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
