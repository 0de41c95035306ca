import type { MessageParams } from '../../common/i18n/translate';
import { countProjectBlocks, makeProjectFile, projectIdFrom } from '../../common/projects/project-file';
import { applyTranslations, t } from '../i18n/i18n';
import { ChispaCallError, type ChispaClient } from '../ipc/client';
import type { createAutosave } from '../projects/autosave';
import { ProjectOpenError, checkBlocksLoad } from '../projects/check-project';
import { downloadProject, readProjectFile } from '../projects/project-files';
import { createProjectNameField } from '../projects/project-name-field';
import { createRecentProjectsDialog } from '../projects/recent-projects-dialog';
import { label } from '../ui/dom';
import type { ChispaEditor } from './chispa-editor';
import type { EditorView } from './editor-view';

type Notice = { key: string; params?: MessageParams; kind: 'info' | 'error' } | null;

const newProjectId = () => projectIdFrom(crypto.getRandomValues(new Uint8Array(8)));

/**
 * The project's name, New, Open, Save, "Mis proyectos" and the start-up restore. Nothing here
 * replaces the current blocks until the replacement has been checked (envelope by zod, blocks
 * by a headless Blockly load), and nothing switches to another project until the current one
 * is on disk: every project stays in "Mis proyectos".
 */
export const wireProjectActions = (options: {
  client: ChispaClient;
  editor: ChispaEditor;
  view: EditorView;
  autosave: ReturnType<typeof createAutosave>;
}) => {
  const { client, editor, view, autosave } = options;
  /** The open project on this PC; null until a new project has something worth keeping. */
  let projectId: string | null = null;
  let projectName: string | null = null;
  let notice: Notice = null;
  /** While a lesson is open the workspace holds the lesson's work, not a project. */
  let paused = false;

  const showNotice = (next: Notice) => {
    notice = next;
    view.notice.hidden = !next;
    view.notice.textContent = next ? t(next.key, next.params) : '';
    view.notice.dataset.kind = next?.kind ?? '';
    view.notice.classList.toggle('error-text', next?.kind === 'error');
  };
  const name = () => projectName ?? t('editor.project.untitled');

  const nameField = createProjectNameField({
    onName: (next) => {
      projectName = next;
      if (!paused) autosave.schedule();
    },
  });
  const recentButton = label('button', 'projects.recent.button', {
    type: 'button',
    class: 'secondary',
    'aria-haspopup': 'dialog',
    'data-testid': 'projects-recent',
  });
  const recent = createRecentProjectsDialog({ onOpen: (id) => void openRecent(id) });
  view.newButton.before(nameField.element);
  view.openButton.after(recentButton);
  view.notice.before(nameField.error);
  view.root.append(recent.dialog);
  applyTranslations(nameField.element);

  const use = (project: { id?: string; name: string } | null) => {
    projectId = project?.id ?? null;
    projectName = project?.name ?? null;
    nameField.set(projectName);
  };

  /** The autosave's save: the open project under its id; an untouched new project is not kept. */
  const saveCurrent = async (): Promise<void> => {
    const workspace = editor.saveState();
    if (!projectId) {
      if (projectName === null && countProjectBlocks(workspace) === 0) return;
      projectId = newProjectId();
    }
    await client.call('projects.saveAutosave', {
      project: makeProjectFile(name(), workspace, new Date(), projectId),
    });
  };

  /** Puts the open project's newest state on disk before switching; false (and says why) if not. */
  const keepCurrent = async (): Promise<boolean> => {
    if (paused || (await autosave.flush())) return true;
    const diskFull = view.autosaveStatus.dataset.state === 'disk-full';
    showNotice({ key: diskFull ? 'projects.keep.disk-full' : 'projects.keep.failed', kind: 'error' });
    return false;
  };
  const showCallError = (error: unknown) => {
    console.warn('project call failed', error);
    const key = error instanceof ChispaCallError ? error.error.messageKey : 'projects.keep.failed';
    showNotice({ key, params: error instanceof ChispaCallError ? error.error.params : {}, kind: 'error' });
  };

  const restore = async () => {
    try {
      const { project, setAside } = await client.call('projects.loadAutosave', {});
      if (setAside) showNotice({ key: 'editor.restore.damaged', params: { file: setAside }, kind: 'error' });
      if (!project) return;
      try {
        checkBlocksLoad(project.workspace);
        editor.loadState(project.workspace);
        use(project);
      } catch (error) {
        console.warn('autosave could not be loaded', error);
        const aside = await client.call('projects.setAsideAutosave', {});
        showNotice({ key: 'editor.restore.damaged', params: { file: aside.setAside ?? '' }, kind: 'error' });
      }
    } catch (error) {
      console.warn('autosave could not be read', error);
    }
  };

  const openRecent = async (id: string) => {
    if (id === projectId || !(await keepCurrent())) return;
    try {
      const { project } = await client.call('projects.openRecent', { id });
      checkBlocksLoad(project.workspace);
      use(project);
      editor.loadState(project.workspace);
      editor.showBlockError(null);
      showNotice({ key: 'editor.open.done', params: { name: project.name }, kind: 'info' });
    } catch (error) {
      if (error instanceof ProjectOpenError)
        showNotice({ key: error.key, params: error.params, kind: 'error' });
      else showCallError(error);
    }
  };

  recentButton.addEventListener('click', async () => {
    // The list shows the open project's newest name and date too.
    await autosave.flush();
    const projects = await client
      .call('projects.listRecent', {})
      .then((answer) => answer.projects)
      .catch((error: unknown) => {
        console.warn('recent projects could not be listed', error);
        return null;
      });
    recent.show(projects, projectId);
  });

  view.saveButton.addEventListener('click', () => {
    if (!nameField.commit()) {
      nameField.input.focus();
      return;
    }
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
      if (!(await keepCurrent())) return;
      editor.loadState(project.workspace);
      // A file becomes a new project on this PC: it never overwrites work kept here.
      if (!paused) use({ id: newProjectId(), name: project.name });
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
  view.newConfirm.addEventListener('click', async () => {
    view.newDialog.close();
    if (paused) {
      // In a lesson "Nuevo" empties the step's workspace; the project is not touched.
      editor.clear();
      editor.showBlockError(null);
      return;
    }
    if (!(await keepCurrent())) return;
    const kept = projectId ? name() : null;
    try {
      await client.call('projects.startNew', {});
    } catch (error) {
      showCallError(error);
      return;
    }
    use(null);
    editor.clear();
    editor.showBlockError(null);
    showNotice(kept ? { key: 'projects.new.kept', params: { name: kept }, kind: 'info' } : null);
  });

  return {
    restore,
    name,
    saveCurrent,
    /** A lesson took the workspace (true) or gave it back (false). */
    setPaused(next: boolean) {
      paused = next;
      nameField.input.disabled = next;
      recentButton.disabled = next;
    },
    /** Re-renders the current notice in the new language. */
    relabel: () => {
      showNotice(notice);
      nameField.relabel();
    },
  };
};
