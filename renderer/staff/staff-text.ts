import { applyTranslations, errorText, onLocaleChange, t } from '../i18n/i18n';
import type { IpcError } from '../../common/ipc/app-error';
import type { MessageParams } from '../../common/i18n/translate';

/**
 * Text with parameters (and error values) that follows the language. applyTranslations() only knows plain keys, so
 * elements made here carry data-staff-i18n (key) and data-staff-params (JSON) and are refreshed
 * by one listener on every language change.
 */
export const setText = (element: HTMLElement, key: string, params?: MessageParams): void => {
  delete element.dataset.staffError;
  element.dataset.staffI18n = key;
  if (params) element.dataset.staffParams = JSON.stringify(params);
  else delete element.dataset.staffParams;
  element.textContent = t(key, params);
};

/** An error value shown in an element, re-described in the new language on a switch. */
export const setErrorText = (element: HTMLElement, error: IpcError): void => {
  delete element.dataset.staffI18n;
  element.dataset.staffError = JSON.stringify(error);
  element.textContent = errorText(error);
};

export const refreshParamTexts = (root: ParentNode = document): void => {
  for (const element of root.querySelectorAll<HTMLElement>('[data-staff-error]')) {
    element.textContent = errorText(JSON.parse(element.dataset.staffError ?? '{}') as IpcError);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-staff-i18n]')) {
    const params = element.dataset.staffParams
      ? (JSON.parse(element.dataset.staffParams) as MessageParams)
      : undefined;
    element.textContent = t(element.dataset.staffI18n ?? '', params);
  }
};

/** Translates freshly built content (plain data-i18n keys and parameterised ones). */
export const translateTree = (root: ParentNode): void => {
  applyTranslations(root);
  refreshParamTexts(root);
};

let wired = false;
export const wireParamTextRefresh = (): void => {
  if (wired) return;
  wired = true;
  onLocaleChange(() => refreshParamTexts());
};

/** A language listener that ends once its element has left the page for good. */
export const whileConnected = (element: Element, listener: () => void): void => {
  const stop = onLocaleChange(() => {
    if (element.isConnected) listener();
    else stop();
  });
};
