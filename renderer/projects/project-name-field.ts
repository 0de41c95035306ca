import { checkProjectName, maxProjectNameLength, tidyProjectName } from '../../common/projects/project-name';
import { t } from '../i18n/i18n';
import { h, label } from '../ui/dom';

/**
 * The project's name in the editor toolbar. Empty means the default name (shown as the
 * placeholder). A name the rules refuse is not taken: the field says why, in the child's
 * language, and the project keeps its last good name.
 */
export const createProjectNameField = (options: { onName: (name: string | null) => void }) => {
  const input = h('input', {
    type: 'text',
    id: 'project-name',
    class: 'project-name-input',
    autocomplete: 'off',
    spellcheck: 'false',
    // A little room over the limit so a too-long name gets a message instead of being cut.
    maxlength: maxProjectNameLength + 20,
    'aria-describedby': 'project-name-error',
    'data-testid': 'project-name',
    'data-i18n-attr': 'placeholder:editor.project.untitled',
  });
  const error = h('p', {
    id: 'project-name-error',
    class: 'project-name-error error-text',
    role: 'alert',
    'data-testid': 'project-name-error',
    hidden: true,
  });
  const element = h(
    'span',
    { class: 'project-name' },
    label('label', 'projects.name.label', { for: 'project-name' }),
    input,
  );
  let committed: string | null = null;
  let shown: { key: string; params?: Record<string, string | number> } | null = null;

  const showError = (next: typeof shown) => {
    shown = next;
    error.hidden = !next;
    input.toggleAttribute('aria-invalid', !!next);
    if (!next) {
      error.textContent = '';
      return;
    }
    const kept = t('projects.name.kept', { name: committed ?? t('editor.project.untitled') });
    error.textContent = `${t(next.key, next.params)} ${kept}`;
  };

  /** Takes what is typed; false (and the message shown) when the rules refuse it. */
  const commit = (): boolean => {
    if (tidyProjectName(input.value) === '') {
      input.value = '';
      showError(null);
      if (committed !== null) {
        committed = null;
        options.onName(null);
      }
      return true;
    }
    const checked = checkProjectName(input.value);
    if (!checked.ok) {
      showError({ key: checked.key, params: checked.params });
      return false;
    }
    input.value = checked.name;
    showError(null);
    if (checked.name !== committed) {
      committed = checked.name;
      options.onName(checked.name);
    }
    return true;
  };
  input.addEventListener('change', () => void commit());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commit();
  });

  return {
    element,
    /** Shown under the toolbar (it needs the row's whole width). */
    error,
    input,
    commit,
    /** Shows a project's name (after open, restore or "Nuevo"), without telling onName. */
    set(name: string | null) {
      committed = name;
      input.value = name ?? '';
      showError(null);
    },
    relabel: () => showError(shown),
  };
};
