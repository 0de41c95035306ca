import { defaultLocale, locales, type Locale } from '../../common/i18n/locale';
import { describeError, translate, type MessageParams } from '../../common/i18n/translate';
import type { IpcError } from '../../common/ipc/app-error';

/**
 * The renderer's current language. Elements carry data-i18n="key" (text) or
 * data-i18n-attr="attr:key,attr:key" and are refreshed on every change, so a language switch
 * never needs a reload.
 */
let current: Locale = defaultLocale;
const listeners = new Set<(locale: Locale) => void>();

export const getLocale = (): Locale => current;
export const t = (key: string, params?: MessageParams): string => translate(current, key, params);
export const errorText = (error: IpcError): string => describeError(current, error);
export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

export const applyTranslations = (root: ParentNode = document): void => {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n ?? '');
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (element.dataset.i18nAttr ?? '').split(',')) {
      const [attr, key] = pair.split(':');
      if (attr && key) element.setAttribute(attr.trim(), t(key.trim()));
    }
  }
};

export const setLocale = (locale: Locale): void => {
  current = locale;
  document.documentElement.lang = locale;
  applyTranslations();
  for (const listener of listeners) listener(locale);
};

export const onLocaleChange = (listener: (locale: Locale) => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
