/**
 * Keyboard: Ctrl+Enter (Cmd+Enter on a Mac) runs, Escape stops a running program, from anywhere
 * on the page (Escape still reaches Blockly too, e.g. to close a dropdown).
 */
import type { RunControls } from './run-controls';

export const wireRunShortcuts = (controls: RunControls): void => {
  controls.runButton.setAttribute('aria-keyshortcuts', 'Control+Enter');
  controls.stopButton.setAttribute('aria-keyshortcuts', 'Escape');
  window.addEventListener('keydown', (event) => {
    if (document.querySelector('dialog[open]')) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      if (controls.runButton.disabled) return;
      event.preventDefault();
      controls.runButton.click();
    } else if (event.key === 'Escape' && controls.root.dataset.state !== 'idle') {
      controls.stopButton.click();
    }
  });
};
