import type { IpcError } from '../ipc/app-error';
import type { Locale } from './locale';
import { messages } from './messages';

export type MessageParams = Record<string, string | number>;

/** Fills {name} placeholders. A missing param stays visible as {name} rather than vanishing. */
export const interpolate = (template: string, params: MessageParams = {}): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );

export const hasMessage = (locale: Locale, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(messages[locale], key);

/** Translates a key; an unknown key returns the key itself so the gap is visible, never blank. */
export const translate = (locale: Locale, key: string, params?: MessageParams): string => {
  const template = messages[locale][key];
  return template === undefined ? key : interpolate(template, params);
};

/** The sentence a user sees for an error value that came over IPC. */
export const describeError = (locale: Locale, error: IpcError): string => {
  const params: MessageParams = {
    detail: (error.details ?? []).join('; '),
    code: error.code,
    ...error.params,
  };
  return hasMessage(locale, error.messageKey)
    ? translate(locale, error.messageKey, params)
    : translate(locale, 'error.unknown', params);
};
