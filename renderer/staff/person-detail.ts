import type { Person } from '../../common/ipc/contract-attendance';
import { getLocale } from '../i18n/i18n';
import { h, label } from '../ui/dom';
import { confirmAction } from './confirm-dialog';
import { createConsentFields } from './consent-fields';
import { field } from './form-fields';
import { ageBandKey, consentStateKey, methodKey, relationKey, scopeKey, typeKey } from './labels';
import { localDate, shortDateTime } from './local-dates';
import { createPersonForm } from './person-form';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';
import { setText, translateTree } from './staff-text';

/**
 * One person: edit, guardian consent (record / withdraw) for minors, soft delete or restore,
 * and — for the centre admin — erase for good after a clear confirmation.
 */
/** What to announce after a change (the detail is rebuilt, so the message travels with it). */
export interface DetailMessage {
  key: string;
  params?: Record<string, string | number>;
}

export const buildPersonDetail = (
  ctx: StaffContext,
  person: Person,
  onChanged: (person: Person | null, message?: DetailMessage) => void,
  message?: DetailMessage,
): HTMLElement => {
  const status = createStatusLine('person-detail-status');
  if (message) status.ok(message.key, message.params);
  const edit = createPersonForm({ idPrefix: 'person-edit', withConsent: false });
  edit.fill(person);
  const save = label('button', 'staff.ui.save', { type: 'submit', id: 'person-save' });
  const editForm = h(
    'form',
    {
      class: 'staff-card',
      id: 'person-edit-form',
      novalidate: true,
      'aria-labelledby': 'person-detail-title',
    },
    edit.element,
    save,
  );
  editForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const read = edit.read();
    if (!read.ok) {
      status.invalid(read.key, read.params);
      read.focus.focus();
      return;
    }
    save.disabled = true;
    try {
      const { displayName, type, birthYear, sex } = read.person;
      const updated = await ctx.call('people.update', { id: person.id, displayName, type, birthYear, sex });
      onChanged(updated, { key: 'staff.ui.people.saved', params: { name: updated.displayName } });
    } catch (error) {
      status.error(error);
    } finally {
      save.disabled = false;
    }
  });

  const summary = h(
    'p',
    { class: 'person-summary' },
    label('span', typeKey(person.type)),
    ' · ',
    label('span', ageBandKey(person.ageBand)),
    person.deletedAt ? label('span', 'staff.ui.people.deleted-badge', { class: 'badge' }) : null,
  );

  const consentSection = person.minor ? buildConsentSection(ctx, person, onChanged, status) : null;

  const actions = h('div', { class: 'actions danger-zone' });
  if (person.deletedAt) {
    actions.append(
      label('button', 'staff.ui.people.restore', {
        type: 'button',
        class: 'secondary',
        id: 'person-restore',
        onclick: async () => {
          try {
            const restored = await ctx.call('people.restore', { id: person.id });
            onChanged(restored, { key: 'staff.ui.people.restored', params: { name: restored.displayName } });
          } catch (error) {
            status.error(error);
          }
        },
      }),
    );
  } else {
    actions.append(
      label('button', 'staff.ui.people.delete', {
        type: 'button',
        class: 'secondary',
        id: 'person-delete',
        onclick: async () => {
          try {
            const deleted = await ctx.call('people.softDelete', { id: person.id });
            onChanged(deleted, { key: 'staff.ui.people.deleted', params: { name: deleted.displayName } });
          } catch (error) {
            status.error(error);
          }
        },
      }),
    );
  }
  if (ctx.role === 'admin') {
    actions.append(
      label('button', 'staff.ui.people.erase', {
        type: 'button',
        class: 'danger',
        id: 'person-erase',
        onclick: async () => {
          const sure = await confirmAction({
            id: 'erase-dialog',
            titleKey: 'staff.ui.people.erase-title',
            messageKey: 'staff.ui.people.erase-message',
            params: { name: person.displayName },
            confirmKey: 'staff.ui.people.erase-confirm',
            danger: true,
          });
          if (!sure) return;
          try {
            await ctx.call('people.erase', { id: person.id });
            onChanged(null);
          } catch (error) {
            status.error(error);
          }
        },
      }),
    );
  }

  const title = h('h3', { id: 'person-detail-title' }, person.displayName);
  const element = h(
    'section',
    { class: 'person-detail', 'aria-labelledby': 'person-detail-title', 'data-person-id': person.id },
    title,
    summary,
    editForm,
    consentSection,
    actions,
    status.element,
  );
  translateTree(element);
  return element;
};

const buildConsentSection = (
  ctx: StaffContext,
  person: Person,
  onChanged: (person: Person, message?: DetailMessage) => void,
  status: ReturnType<typeof createStatusLine>,
): HTMLElement => {
  const state = h('p', { class: `consent-state consent-${person.consentState}`, id: 'consent-state' });
  setText(state, consentStateKey(person.consentState));
  const record = person.consent;
  const current = record
    ? h(
        'dl',
        { class: 'consent-record' },
        label('dt', 'staff.ui.consent.guardian'),
        h('dd', {}, record.guardianName),
        label('dt', 'staff.ui.consent.relation'),
        label('dd', relationKey(record.relation)),
        label('dt', 'staff.ui.consent.method'),
        label('dd', methodKey(record.method)),
        label('dt', 'staff.ui.consent.date'),
        h('dd', {}, record.date),
        label('dt', 'staff.ui.consent.scopes'),
        h('dd', {}, ...record.scopes.flatMap((scope, i) => [i ? ', ' : '', label('span', scopeKey(scope))])),
        ...(record.withdrawnOn
          ? [label('dt', 'staff.ui.consent.withdrawn-on'), h('dd', {}, record.withdrawnOn)]
          : []),
        label('dt', 'staff.ui.consent.recorded-at'),
        h('dd', {}, shortDateTime(record.recordedAt, getLocale())),
      )
    : null;

  const fields = createConsentFields('consent-new', 'staff.ui.consent.record-new');
  const recordButton = label('button', 'staff.ui.consent.record', { type: 'submit', id: 'consent-record' });
  const recordForm = h(
    'form',
    { class: 'staff-card', id: 'consent-form', novalidate: true },
    fields.element,
    recordButton,
  );
  recordForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const read = fields.read(true);
    if (read.ok !== true) {
      if (read.ok === false) {
        status.invalid(read.key);
        read.focus.focus();
      }
      return;
    }
    recordButton.disabled = true;
    try {
      const updated = await ctx.call('consent.record', { personId: person.id, consent: read.consent });
      onChanged(updated, { key: 'staff.ui.consent.recorded' });
    } catch (error) {
      status.error(error);
    } finally {
      recordButton.disabled = false;
    }
  });

  let withdraw: HTMLElement | null = null;
  if (person.consentState === 'given') {
    const date = h('input', { type: 'date', id: 'consent-withdraw-date', value: localDate() });
    const button = label('button', 'staff.ui.consent.withdraw', {
      type: 'submit',
      class: 'danger',
      id: 'consent-withdraw',
    });
    const form = h(
      'form',
      { class: 'staff-card', id: 'consent-withdraw-form', novalidate: true },
      label('p', 'staff.ui.consent.withdraw-explain'),
      field('staff.ui.consent.withdraw-date', date),
      button,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const sure = await confirmAction({
        id: 'withdraw-dialog',
        titleKey: 'staff.ui.consent.withdraw',
        messageKey: 'staff.ui.consent.withdraw-message',
        params: { name: person.displayName },
        confirmKey: 'staff.ui.consent.withdraw',
        danger: true,
      });
      if (!sure) return;
      try {
        const updated = await ctx.call('consent.withdraw', { personId: person.id, date: date.value });
        onChanged(updated, { key: 'staff.ui.consent.withdrawn' });
      } catch (error) {
        status.error(error);
      }
    });
    withdraw = form;
  }

  return h(
    'section',
    { class: 'consent-section', 'aria-labelledby': 'consent-title' },
    label('h4', 'staff.ui.consent.title', { id: 'consent-title' }),
    state,
    current,
    withdraw,
    recordForm,
  );
};
