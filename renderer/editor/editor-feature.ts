/**
 * The editor feature: mounts Blockly in the workspace region, offers EditorHandle to later
 * features (context.shared.editor), and wires projects (autosave, open, save, new), undo/redo,
 * high contrast, language switches and the code view.
 */
import type { Feature } from '../app/features';
import { applyTranslations, getLocale, onLocaleChange, t } from '../i18n/i18n';
import { createAutosave } from '../projects/autosave';
import { h } from '../ui/dom';
import { ChispaEditor } from './chispa-editor';
import { buildEditorView } from './editor-view';
import { wireHighContrast } from './high-contrast';
import { wireProjectActions } from './project-actions';
import { wireUndoShortcuts } from './undo-shortcuts';

export const editorFeature: Feature = async ({ client, frame, shared }) => {
  const region = frame.regions.workspace;
  region.querySelector('[data-placeholder]')?.remove();
  region.classList.add('has-editor');
  const view = buildEditorView();
  region.append(view.root);
  const headerTools = h('span', { class: 'editor-header-tools' }, view.contrastButton);
  frame.toolbar.prepend(headerTools);
  applyTranslations(view.root);
  applyTranslations(headerTools);

  const editor = new ChispaEditor(view.blocklyHost, view.blockMessage, getLocale());
  shared.editor = editor;

  const refreshUndo = () => {
    view.undoButton.disabled = !editor.canUndo();
    view.redoButton.disabled = !editor.canRedo();
  };
  const refreshCode = () => {
    if (view.codeView.open) view.code.textContent = editor.generateProgram();
  };
  view.codeView.addEventListener('toggle', refreshCode);
  view.undoButton.addEventListener('click', () => {
    editor.undo();
    refreshUndo();
  });
  view.redoButton.addEventListener('click', () => {
    editor.redo();
    refreshUndo();
  });
  wireUndoShortcuts(editor, refreshUndo);
  wireHighContrast(view.contrastButton, editor);

  const autosave = createAutosave({
    save: () => projects.saveCurrent(),
    onState: (state) => {
      const status = view.autosaveStatus;
      status.dataset.state = state;
      status.classList.toggle('error-text', state === 'error' || state === 'disk-full');
      if (state === 'idle') {
        delete status.dataset.i18n;
        status.textContent = '';
      } else {
        status.dataset.i18n = `editor.autosave.${state}`;
        status.textContent = t(status.dataset.i18n);
      }
    },
  });
  const projects = wireProjectActions({ client, editor, view, autosave });
  await projects.restore();

  // While a lesson is open the workspace holds the lesson's work, which the lesson saves itself.
  let projectPaused = false;
  shared.projectAutosave = {
    async pause() {
      await autosave.flush();
      projectPaused = true;
      projects.setPaused(true);
    },
    resume() {
      projectPaused = false;
      projects.setPaused(false);
    },
  };
  editor.onChange(() => {
    refreshUndo();
    refreshCode();
    if (!projectPaused) autosave.schedule();
  });
  onLocaleChange((locale) => {
    editor.relabel(locale);
    refreshUndo();
    refreshCode();
    projects.relabel();
  });
  // Leaving or hiding the page saves a change still waiting for its debounce.
  window.addEventListener('pagehide', () => void autosave.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void autosave.flush();
  });
  region.dataset.editorReady = 'true';
};
