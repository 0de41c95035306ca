import type { MessageParams } from '../../common/i18n/translate';
import { makeProjectFile } from '../../common/projects/project-file';
import { t } from '../i18n/i18n';
import type { ChispaClient } from '../ipc/client';
import type { createAutosave } from '../projects/autosave';
import { ProjectOpenError, checkBlocksLoad } from '../projects/check-project';
import { downloadProject, readProjectFile } from '../projects/project-files';
import type { ChispaEditor } from './chispa-editor';
import type { EditorView } from './editor-view';

type Notice = { key: string; params?: MessageParams; kind: 'info' | 'error' } | null;

/**
 * New, Open, Save and the start-up restore. Nothing here replaces the current blocks until the
 * replacement has been checked (envelope by zod, blocks by a headless Blockly load).
 */
export const wireProjectActions = (options: {
  client: ChispaClient;
  editor: ChispaEditor;
  view: EditorView;
  autosave: ReturnType<typeof createAutosave>;
}) => {
  const { client, editor, view, autosave } = options;
  let projectName: string | null = null;
  let notice: Notice = null;

  const showNotice = (next: Notice) => {
    notice = next;
    view.notice.hidden = !next;
    view.notice.textContent = next ? t(next.key, next.params) : '';
    view.notice.dataset.kind = next?.kind ?? '';
    view.notice.classList.toggle('error-text', next?.kind === 'error');
  };
  const name = () => projectName ?? t('editor.project.untitled');

  const restore = async () => {
    try {
      const { project, setAside } = await client.call('projects.loadAutosave', {});
      if (setAside) showNotice({ key: 'editor.restore.damaged', params: { file: setAside }, kind: 'error' });
      if (!project) return;
      try {
        checkBlocksLoad(project.workspace);
        editor.loadState(project.workspace);
        projectName = project.name;
      } catch (error) {
        console.warn('autosave could not be loaded', error);
        const aside = await client.call('projects.setAsideAutosave', {});
        showNotice({ key: 'editor.restore.damaged', params: { file: aside.setAside ?? '' }, kind: 'error' });
      }
    } catch (error) {
      console.warn('autosave could not be read', error);
    }
  };

  view.saveButton.addEventListener('click', () => {
    const fileName = downloadProject(makeProjectFile(name(), editor.saveState()));
    showNotice({ key: 'editor.open.saved', params: { name: fileName }, kind: 'info' });
  });

  view.openButton.addEventListener('click', () => view.fileInput.click());
  view.fileInput.addEventListener('change', async () => {
    const file = view.fileInput.files?.[0];
    view.fileInput.value = '';
    if (!file) return;
    try {
      const project = await readProjectFile(file);
      editor.loadState(project.workspace);
      projectName = project.name;
      showNotice({ key: 'editor.open.done', params: { name: project.name }, kind: 'info' });
      await autosave.flush();
    } catch (error) {
      if (error instanceof ProjectOpenError)
        showNotice({ key: error.key, params: error.params, kind: 'error' });
      else {
        console.warn('project could not be opened', error);
        showNotice({ key: 'editor.open.error.bad-blocks', kind: 'error' });
      }
    }
  });

  view.newButton.addEventListener('click', () => view.newDialog.showModal());
  view.newCancel.addEventListener('click', () => view.newDialog.close());
  view.newConfirm.addEventListener('click', () => {
    view.newDialog.close();
    editor.clear();
    editor.showBlockError(null);
    projectName = null;
    showNotice(null);
  });

  return {
    restore,
    name,
    /** Re-renders the current notice in the new language. */
    relabel: () => showNotice(notice),
  };
};
