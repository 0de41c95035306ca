import { applyTranslations, onLocaleChange, t } from '../i18n/i18n';
import type { MessageParams } from '../../common/i18n/translate';

/**
 * Text with parameters that follows the language. applyTranslations() only knows plain keys, so
 * elements made here carry data-staff-i18n (key) and data-staff-params (JSON) and are refreshed
 * by one listener on every language change.
 */
export const setText = (element: HTMLElement, key: string, params?: MessageParams): void => {
  element.dataset.staffI18n = key;
  if (params) element.dataset.staffParams = JSON.stringify(params);
  else delete element.dataset.staffParams;
  element.textContent = t(key, params);
};

export const refreshParamTexts = (root: ParentNode = document): void => {
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
