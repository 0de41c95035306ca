import type { Person } from '../../common/ipc/contract-attendance';
import { h, label } from '../ui/dom';
import { field } from './form-fields';
import { ageBandKey, consentStateKey, typeKey } from './labels';
import { createPersonForm } from './person-form';
import { buildPersonDetail, type DetailMessage } from './person-detail';
import { buildDuplicatesPanel, confirmNotDuplicate } from './person-duplicates';
import { createRosterImport } from './roster-import';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';
import { translateTree } from './staff-text';

/** People: search, add, open one to edit / consent / delete / erase; admins also import a roster. */
export const createPeopleView = (ctx: StaffContext) => {
  const search = h('input', {
    type: 'search',
    id: 'people-search',
    autocomplete: 'off',
    'aria-controls': 'people-list',
  });
  const showDeleted = h('input', { type: 'checkbox', id: 'people-show-deleted' });
  const list = h('ul', { class: 'staff-list people-list', id: 'people-list' });
  list.dataset.i18nAttr = 'aria-label:staff.ui.people.list';
  const listStatus = createStatusLine('people-list-status');
  const detail = h('div', { class: 'people-detail', id: 'people-detail' });

  const add = createPersonForm({ idPrefix: 'person-add', withConsent: true });
  const addStatus = createStatusLine('person-add-status');
  const addButton = label('button', 'staff.ui.people.add', { type: 'submit', id: 'person-add-submit' });
  const addForm = h(
    'form',
    { class: 'staff-card', id: 'person-add-form', novalidate: true, 'aria-labelledby': 'person-add-title' },
    label('h3', 'staff.ui.people.add-title', { id: 'person-add-title' }),
    add.element,
    addButton,
    addStatus.element,
  );

  const rosterImport = ctx.role === 'admin' ? createRosterImport(ctx) : null;

  const element = h(
    'div',
    { class: 'staff-view people-view' },
    h(
      'section',
      { class: 'staff-card people-browse', 'aria-labelledby': 'people-title' },
      label('h3', 'staff.ui.people.title', { id: 'people-title' }),
      h(
        'div',
        { class: 'field-row' },
        field('staff.ui.people.search', search),
        h(
          'label',
          { class: 'check', for: showDeleted.id },
          showDeleted,
          label('span', 'staff.ui.people.show-deleted'),
        ),
      ),
      list,
      listStatus.element,
    ),
    h('div', { class: 'people-side' }, detail, addForm, rosterImport?.element),
  );

  let selectedId: string | null = null;

  const openDetail = (person: Person | null, message?: DetailMessage) => {
    selectedId = person?.id ?? null;
    if (!person) {
      detail.replaceChildren();
      return;
    }
    detail.replaceChildren(
      buildPersonDetail(
        ctx,
        person,
        (changed, changeMessage) => {
          if (changed) openDetail(changed, changeMessage);
          else {
            openDetail(null);
            listStatus.ok('staff.ui.people.erased', { name: person.displayName });
          }
          void load();
        },
        message,
      ),
    );
    if (ctx.role === 'admin' && !person.deletedAt)
      detail.firstElementChild?.append(
        buildDuplicatesPanel(ctx, person, (kept, moved, name) => {
          openDetail(kept, {
            key: 'screens.duplicate.merged',
            params: { name, keep: kept.displayName, count: moved },
          });
          void load();
        }),
      );
  };

  const renderList = (people: Person[]) => {
    list.replaceChildren(
      ...people.map((person) =>
        h(
          'li',
          { 'data-person-id': person.id, class: person.deletedAt ? 'deleted' : undefined },
          h(
            'button',
            {
              type: 'button',
              class: 'person-row',
              'aria-current': person.id === selectedId ? 'true' : undefined,
              onclick: () => {
                openDetail(person);
                detail.querySelector<HTMLElement>('h3')?.setAttribute('tabindex', '-1');
                detail.querySelector<HTMLElement>('h3')?.focus();
              },
            },
            h('span', { class: 'name' }, person.displayName),
            h(
              'span',
              { class: 'meta' },
              label('span', typeKey(person.type)),
              ' · ',
              label('span', ageBandKey(person.ageBand)),
              person.minor ? ' · ' : null,
              person.minor ? label('span', consentStateKey(person.consentState)) : null,
              person.deletedAt ? ' · ' : null,
              person.deletedAt ? label('span', 'staff.ui.people.deleted-badge') : null,
            ),
          ),
        ),
      ),
    );
    if (people.length === 0) list.append(label('li', 'staff.ui.people.none', { class: 'empty' }));
    translateTree(list);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const load = async () => {
    try {
      const { people } = await ctx.call('people.search', {
        query: search.value,
        includeDeleted: showDeleted.checked,
        limit: 200,
      });
      renderList(people);
      listStatus.clearError();
    } catch (error) {
      listStatus.error(error);
    }
  };
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void load(), 120);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      search.value = '';
      void load();
    }
  });
  showDeleted.addEventListener('change', () => void load());

  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const read = add.read();
    if (!read.ok) {
      addStatus.invalid(read.key, read.params);
      read.focus.focus();
      return;
    }
    addButton.disabled = true;
    try {
      if (!(await confirmNotDuplicate(ctx, read.person))) {
        addStatus.ok('screens.duplicate.not-added', { name: read.person.displayName });
        return;
      }
      const person = await ctx.call('people.create', read.person);
      add.reset();
      addStatus.ok('staff.ui.people.added', { name: person.displayName });
      add.focus();
      void load();
    } catch (error) {
      addStatus.error(error);
    } finally {
      addButton.disabled = false;
    }
  });
  ctx.onChange((change) => {
    if (change === 'people') void load();
  });

  translateTree(element);
  return { element, show: load };
};
