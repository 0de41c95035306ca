import type { ChispaEditor } from './chispa-editor';

const storageKey = 'chispa.highContrast';

/** The high-contrast toggle: Blockly theme + the page's CSS theme, remembered on this computer. */
export const wireHighContrast = (button: HTMLButtonElement, editor: ChispaEditor): void => {
  const apply = (on: boolean) => {
    editor.setHighContrast(on);
    if (on) document.documentElement.dataset.theme = 'high-contrast';
    else delete document.documentElement.dataset.theme;
    button.setAttribute('aria-pressed', String(on));
    try {
      localStorage.setItem(storageKey, on ? '1' : '0');
    } catch {
      // Storage can be disabled; the toggle still works for this session.
    }
  };
  const stored = (() => {
    try {
      return localStorage.getItem(storageKey) === '1';
    } catch {
      return false;
    }
  })();
  if (stored) apply(true);
  button.addEventListener('click', () => apply(button.getAttribute('aria-pressed') !== 'true'));
};
