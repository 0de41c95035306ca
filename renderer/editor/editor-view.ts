import { h, label } from '../ui/dom';

/** The editor's DOM in the workspace region: project toolbar, message lines, Blockly, code view. */
export interface EditorView {
  root: HTMLElement;
  newButton: HTMLButtonElement;
  openButton: HTMLButtonElement;
  saveButton: HTMLButtonElement;
  undoButton: HTMLButtonElement;
  redoButton: HTMLButtonElement;
  fileInput: HTMLInputElement;
  autosaveStatus: HTMLElement;
  /** Results of open/save/restore (info or error), polite. */
  notice: HTMLElement;
  /** Errors on blocks from the runner, assertive. */
  blockMessage: HTMLElement;
  blocklyHost: HTMLElement;
  codeView: HTMLDetailsElement;
  code: HTMLElement;
  contrastButton: HTMLButtonElement;
  newDialog: HTMLDialogElement;
  newConfirm: HTMLButtonElement;
  newCancel: HTMLButtonElement;
}

const toolButton = (key: string, testId: string, extra: Record<string, string> = {}) =>
  label('button', key, { type: 'button', class: 'secondary', 'data-testid': testId, ...extra });

export const buildEditorView = (): EditorView => {
  const newButton = toolButton('editor.toolbar.new', 'editor-new');
  const openButton = toolButton('editor.toolbar.open', 'editor-open');
  const saveButton = toolButton('editor.toolbar.save', 'editor-save');
  const undoButton = toolButton('editor.toolbar.undo', 'editor-undo', {
    'data-i18n-attr': 'title:editor.toolbar.undo.hint',
    'aria-keyshortcuts': 'Control+Z',
  });
  const redoButton = toolButton('editor.toolbar.redo', 'editor-redo', {
    'data-i18n-attr': 'title:editor.toolbar.redo.hint',
    'aria-keyshortcuts': 'Control+Y',
  });
  undoButton.disabled = true;
  redoButton.disabled = true;
  const fileInput = h('input', {
    type: 'file',
    accept: '.json,application/json',
    hidden: true,
    'data-testid': 'editor-file-input',
  });
  const autosaveStatus = h('span', {
    class: 'autosave-status',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'autosave-status',
    'data-state': 'idle',
  });
  const notice = h('p', {
    class: 'editor-notice',
    role: 'status',
    'data-testid': 'editor-notice',
    hidden: true,
  });
  const blockMessage = h('p', {
    class: 'editor-block-message error-text',
    role: 'alert',
    'data-testid': 'editor-block-message',
    hidden: true,
  });
  const blocklyHost = h('div', {
    class: 'editor-blockly',
    'data-testid': 'blockly-host',
    'data-i18n-attr': 'aria-label:editor.region.label',
    role: 'region',
  });
  const code = h('pre', { class: 'editor-code', 'data-testid': 'editor-code' });
  const codeView = h(
    'details',
    { class: 'editor-code-view', 'data-testid': 'editor-code-view' },
    label('summary', 'editor.code.show'),
    code,
  );
  const toolbar = h(
    'div',
    { class: 'editor-toolbar', role: 'toolbar', 'data-i18n-attr': 'aria-label:editor.toolbar.label' },
    newButton,
    openButton,
    saveButton,
    h('span', { class: 'editor-toolbar-gap' }),
    undoButton,
    redoButton,
    autosaveStatus,
    fileInput,
  );
  const newConfirm = label('button', 'editor.new.confirm', {
    type: 'button',
    'data-testid': 'editor-new-confirm',
  });
  const newCancel = label('button', 'editor.new.cancel', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'editor-new-cancel',
  });
  const newDialog = h(
    'dialog',
    { class: 'editor-dialog', 'aria-labelledby': 'editor-new-title', 'data-testid': 'editor-new-dialog' },
    label('h2', 'editor.new.title', { id: 'editor-new-title' }),
    label('p', 'projects.new.text'),
    h('div', { class: 'editor-dialog-buttons' }, newCancel, newConfirm),
  );
  const contrastButton = label('button', 'editor.toolbar.contrast', {
    type: 'button',
    class: 'secondary',
    'aria-pressed': 'false',
    'data-testid': 'contrast-toggle',
  });
  const root = h('div', { class: 'editor' }, toolbar, notice, blockMessage, blocklyHost, codeView, newDialog);
  return {
    root,
    newButton,
    openButton,
    saveButton,
    undoButton,
    redoButton,
    fileInput,
    autosaveStatus,
    notice,
    blockMessage,
    blocklyHost,
    codeView,
    code,
    contrastButton,
    newDialog,
    newConfirm,
    newCancel,
  };
};
