import { t } from '../i18n/i18n';

/** Tiny DOM builder: h('button', { class: 'x', 'data-i18n': 'app.title' }, child, …). */
type Attrs = Record<string, string | number | boolean | undefined | EventListener>;
type Child = Node | string | null | undefined | false;

export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
};

/**
 * A text node-backed element that follows the language: h-like, with data-i18n set and its text
 * already in the current language (a feature mounted after the first translation pass still
 * shows words, not an empty box).
 */
export const label = <K extends keyof HTMLElementTagNameMap>(tag: K, key: string, attrs: Attrs = {}) =>
  h(tag, { ...attrs, 'data-i18n': key }, t(key));
