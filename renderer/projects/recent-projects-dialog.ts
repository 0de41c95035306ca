import type { RecentProjectInfo } from '../../common/ipc/contract-projects';
import { getLocale, t } from '../i18n/i18n';
import { h, label } from '../ui/dom';

/**
 * "Mis proyectos": the projects kept on this PC, newest first, each a button with its name,
 * the local date it was last changed and its size in blocks. A modal dialog: Tab moves between
 * projects, Enter opens one, Escape closes.
 */
export const createRecentProjectsDialog = (options: { onOpen: (id: string) => void }) => {
  const list = h('ul', { class: 'recent-projects-list', 'data-testid': 'recent-projects-list' });
  const empty = label('p', 'projects.recent.empty', { hidden: true, 'data-testid': 'recent-projects-empty' });
  const problem = label('p', 'projects.recent.load-failed', {
    class: 'error-text',
    role: 'alert',
    hidden: true,
  });
  const close = label('button', 'projects.recent.close', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'recent-projects-close',
  });
  const dialog = h(
    'dialog',
    {
      class: 'editor-dialog recent-projects-dialog',
      'aria-labelledby': 'recent-projects-title',
      'data-testid': 'recent-projects-dialog',
    },
    label('h2', 'projects.recent.title', { id: 'recent-projects-title' }),
    label('p', 'projects.recent.intro'),
    problem,
    empty,
    list,
    h('div', { class: 'editor-dialog-buttons' }, close),
  );
  close.addEventListener('click', () => dialog.close());

  const item = (project: RecentProjectInfo, openNow: boolean) => {
    const when = new Date(project.savedAt).toLocaleString(getLocale(), {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const button = h(
      'button',
      {
        type: 'button',
        class: 'recent-project secondary',
        'data-testid': 'recent-project',
        'data-project-id': project.id,
        'aria-current': openNow ? 'true' : undefined,
      },
      h('span', { class: 'recent-project-name' }, project.name),
      h(
        'span',
        { class: 'recent-project-detail' },
        [when, t('projects.recent.blocks', { count: project.blockCount })]
          .concat(openNow ? [t('projects.recent.open-now')] : [])
          .join(' · '),
      ),
    );
    button.addEventListener('click', () => {
      dialog.close();
      options.onOpen(project.id);
    });
    return h('li', {}, button);
  };

  return {
    dialog,
    show(projects: RecentProjectInfo[] | null, currentId: string | null) {
      problem.hidden = projects !== null;
      empty.hidden = projects === null || projects.length > 0;
      list.replaceChildren(...(projects ?? []).map((project) => item(project, project.id === currentId)));
      for (const element of dialog.querySelectorAll<HTMLElement>('[data-i18n]'))
        element.textContent = t(element.dataset.i18n ?? '');
      dialog.showModal();
    },
  };
};
