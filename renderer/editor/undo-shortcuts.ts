import type { ChispaEditor } from './chispa-editor';

const isTextEntry = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z anywhere on the page (not while typing in a field), handled
 * here in the capture phase so Blockly does not undo a second time.
 */
export const wireUndoShortcuts = (editor: ChispaEditor, afterChange: () => void): void => {
  window.addEventListener(
    'keydown',
    (event) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextEntry(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = key === 'y' || (key === 'z' && event.shiftKey);
      if (key !== 'z' && key !== 'y') return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      event.stopPropagation();
      if (redo) editor.redo();
      else editor.undo();
      afterChange();
    },
    { capture: true },
  );
};
