import type { Person, PersonInput, PersonSearchHit } from '../../common/ipc/contract-attendance';
import { h, label } from '../ui/dom';
import { confirmAction } from './confirm-dialog';
import { shortDateTime } from './local-dates';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';
import { getLocale } from '../i18n/i18n';
import { setText, translateTree } from './staff-text';

/**
 * Before adding someone: a person with the same name (accents and case aside) and birth year is
 * probably already in the log. Returns true when the staff member still wants to add them.
 */
export const confirmNotDuplicate = async (ctx: StaffContext, person: PersonInput): Promise<boolean> => {
  const { people } = await ctx.call('people.duplicates', {
    displayName: person.displayName,
    birthYear: person.birthYear ?? null,
  });
  if (people.length === 0) return true;
  return confirmAction({
    id: 'duplicate-dialog',
    titleKey: 'screens.duplicate.title',
    messageKey: 'screens.duplicate.message',
    params: { name: people[0].displayName, count: people.length },
    confirmKey: 'screens.duplicate.add-anyway',
  });
};

/**
 * In a person's detail (admin): their likely duplicates, each with "Unir": the duplicate's
 * attendance and consent move to this person and the duplicate is erased.
 */
export const buildDuplicatesPanel = (
  ctx: StaffContext,
  person: Person,
  onMerged: (kept: Person, moved: number, name: string) => void,
): HTMLElement => {
  const list = h('ul', { class: 'staff-list', id: 'person-duplicates-list' });
  const status = createStatusLine('person-duplicates-status');
  const panel = h(
    'section',
    {
      class: 'person-duplicates',
      id: 'person-duplicates',
      hidden: true,
      'aria-labelledby': 'person-duplicates-title',
    },
    label('h4', 'screens.duplicate.panel-title', { id: 'person-duplicates-title' }),
    label('p', 'screens.duplicate.panel-explain'),
    list,
    status.element,
  );
  const row = (other: PersonSearchHit) => {
    const added = h('span', { class: 'meta' });
    setText(added, 'screens.duplicate.added-on', { when: shortDateTime(other.createdAt, getLocale()) });
    const merge = label('button', 'screens.duplicate.merge', {
      type: 'button',
      class: 'secondary',
      'data-merge-id': other.id,
    });
    merge.addEventListener('click', async () => {
      const yes = await confirmAction({
        id: 'merge-dialog',
        titleKey: 'screens.duplicate.merge-title',
        messageKey: 'screens.duplicate.merge-message',
        params: { keep: person.displayName, other: other.displayName },
        confirmKey: 'screens.duplicate.merge-confirm',
        danger: true,
      });
      if (!yes) return;
      merge.disabled = true;
      try {
        const result = await ctx.call('people.merge', { keepId: person.id, duplicateId: other.id });
        ctx.notify('people');
        ctx.notify('audit');
        onMerged(result.person, result.movedSessions, other.displayName);
      } catch (error) {
        status.error(error);
        merge.disabled = false;
      }
    });
    return h(
      'li',
      { 'data-person-id': other.id },
      h('span', { class: 'name' }, other.displayName),
      added,
      merge,
    );
  };
  void ctx
    .call('people.duplicates', {
      displayName: person.displayName,
      birthYear: person.birthYear,
      excludeId: person.id,
    })
    .then(({ people }) => {
      list.replaceChildren(...people.map(row));
      panel.hidden = people.length === 0;
      translateTree(panel);
    })
    .catch((error: unknown) => status.error(error));
  translateTree(panel);
  return panel;
};
