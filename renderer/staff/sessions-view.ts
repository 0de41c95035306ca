import type { Session } from '../../common/ipc/contract-attendance';
import { h, label } from '../ui/dom';
import { confirmAction } from './confirm-dialog';
import { enumSelect, field, textInput } from './form-fields';
import { activityKey, activityTypes } from './labels';
import { localDate, localTime } from './local-dates';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';
import { setText, translateTree } from './staff-text';

const facilitatorMemory = 'chispa.staff.lastFacilitator';

/** "Robótica 1, Robótica 2" or one per line → ['Robótica 1', 'Robótica 2']. */
export const splitLessons = (text: string): string[] =>
  text
    .split(/[\n,;]+/)
    .map((lesson) => lesson.trim())
    .filter(Boolean);

export const sessionLabel = (session: Session): HTMLElement => {
  const element = h('span', { class: 'session-label' });
  element.append(
    h('strong', {}, `${session.date} ${session.startTime}`),
    ' · ',
    label('span', activityKey(session.activityType)),
    ' · ',
    session.facilitator,
  );
  return element;
};

/** Create a session (defaults: today, now) and list the recent ones. */
export const createSessionsView = (
  ctx: StaffContext,
  openCheckIn: (sessionId: string) => void,
): { element: HTMLElement; show: () => Promise<void> } => {
  const date = h('input', { type: 'date', id: 'session-date', required: true });
  const time = h('input', { type: 'time', id: 'session-time', required: true });
  const activity = enumSelect(activityTypes, activityKey, { id: 'session-activity' });
  const lessons = h('textarea', { id: 'session-lessons', rows: 2, maxlength: 2000 });
  const facilitator = textInput({ id: 'session-facilitator', maxlength: 80, required: true });
  facilitator.value = localStorage.getItem(facilitatorMemory) ?? '';
  const status = createStatusLine('session-status');
  const submit = label('button', 'staff.ui.sessions.create', { type: 'submit', id: 'session-create' });
  const resetDefaults = () => {
    const now = new Date();
    date.value = localDate(now);
    time.value = localTime(now);
  };
  resetDefaults();

  const form = h(
    'form',
    { class: 'staff-card', id: 'session-form', 'aria-labelledby': 'session-form-title', novalidate: true },
    label('h3', 'staff.ui.sessions.new', { id: 'session-form-title' }),
    h(
      'div',
      { class: 'field-row' },
      field('staff.ui.sessions.date', date),
      field('staff.ui.sessions.time', time),
      field('staff.ui.sessions.activity', activity),
      field('staff.ui.sessions.facilitator', facilitator),
    ),
    field('staff.ui.sessions.lessons', lessons, 'staff.ui.sessions.lessons-hint'),
    submit,
    status.element,
  );
  const list = h('ul', { class: 'staff-list', id: 'session-list', 'aria-labelledby': 'session-list-title' });
  const listStatus = createStatusLine();
  const element = h(
    'div',
    { class: 'staff-view sessions-view' },
    form,
    h(
      'section',
      { class: 'staff-card', 'aria-labelledby': 'session-list-title' },
      label('h3', 'staff.ui.sessions.recent', { id: 'session-list-title' }),
      list,
      listStatus.element,
    ),
  );

  const renderList = (sessions: Session[]) => {
    list.replaceChildren(
      ...sessions.map((session) => {
        const count = h('span', { class: 'count' });
        setText(count, 'staff.ui.sessions.present-count', { count: session.presentCount });
        return h(
          'li',
          { 'data-session-id': session.id },
          sessionLabel(session),
          count,
          label('button', 'staff.ui.sessions.open-checkin', {
            type: 'button',
            class: 'secondary',
            onclick: () => openCheckIn(session.id),
          }),
          ...sessionFixes(session),
        );
      }),
    );
    if (sessions.length === 0) list.append(label('li', 'staff.ui.sessions.none', { class: 'empty' }));
    translateTree(list);
  };

  const load = async () => {
    try {
      renderList((await ctx.call('sessions.list', { limit: 30 })).sessions);
      listStatus.clearError();
    } catch (error) {
      listStatus.error(error);
    }
  };

  /** Edit mode: the same form, filled with the session; Cancel goes back to "new session". */
  let editing: Session | null = null;
  const title = form.querySelector('h3') as HTMLElement;
  const cancelEdit = label('button', 'staff.ui.cancel', {
    type: 'button',
    class: 'secondary',
    id: 'session-edit-cancel',
    hidden: true,
  });
  submit.after(cancelEdit);
  const setEditing = (session: Session | null) => {
    editing = session;
    title.dataset.i18n = session ? 'screens.sessions.edit-title' : 'staff.ui.sessions.new';
    submit.dataset.i18n = session ? 'screens.sessions.save' : 'staff.ui.sessions.create';
    cancelEdit.hidden = !session;
    if (session) {
      date.value = session.date;
      time.value = session.startTime;
      activity.value = session.activityType;
      lessons.value = session.lessons.join(', ');
      facilitator.value = session.facilitator;
      date.focus();
    } else {
      lessons.value = '';
      resetDefaults();
    }
    translateTree(form);
  };
  cancelEdit.addEventListener('click', () => setEditing(null));

  const sessionFixes = (session: Session): HTMLElement[] => {
    const edit = label('button', 'screens.sessions.edit', {
      type: 'button',
      class: 'secondary',
      'data-action': 'edit',
      onclick: () => setEditing(session),
    });
    if (session.presentCount > 0) return [edit];
    const remove = label('button', 'screens.sessions.delete', {
      type: 'button',
      class: 'secondary',
      'data-action': 'delete',
    });
    remove.addEventListener('click', async () => {
      const yes = await confirmAction({
        id: 'session-delete-dialog',
        titleKey: 'screens.sessions.delete-title',
        messageKey: 'screens.sessions.delete-message',
        params: { date: session.date, time: session.startTime },
        confirmKey: 'screens.sessions.delete',
        danger: true,
      });
      if (!yes) return;
      try {
        await ctx.call('sessions.delete', { id: session.id });
        if (editing?.id === session.id) setEditing(null);
        listStatus.ok('screens.sessions.deleted', { date: session.date, time: session.startTime });
        ctx.notify('sessions');
        ctx.notify('audit');
      } catch (error) {
        listStatus.error(error);
      }
    });
    return [edit, remove];
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!facilitator.value.trim()) {
      status.invalid('staff.ui.form.facilitator-required');
      facilitator.focus();
      return;
    }
    if (editing) {
      submit.disabled = true;
      try {
        const saved = await ctx.call('sessions.update', {
          id: editing.id,
          date: date.value,
          startTime: time.value,
          activityType: activity.value as Session['activityType'],
          lessons: splitLessons(lessons.value),
          facilitator: facilitator.value.trim(),
        });
        setEditing(null);
        status.ok('screens.sessions.saved', { date: saved.date, time: saved.startTime });
        ctx.notify('sessions');
        ctx.notify('audit');
      } catch (error) {
        status.error(error);
      } finally {
        submit.disabled = false;
      }
      return;
    }
    submit.disabled = true;
    try {
      const session = await ctx.call('sessions.create', {
        date: date.value,
        startTime: time.value,
        activityType: activity.value as Session['activityType'],
        lessons: splitLessons(lessons.value),
        facilitator: facilitator.value.trim(),
      });
      localStorage.setItem(facilitatorMemory, session.facilitator);
      lessons.value = '';
      resetDefaults();
      status.ok('staff.ui.sessions.created', { date: session.date, time: session.startTime });
      ctx.notify('sessions');
      openCheckIn(session.id);
    } catch (error) {
      status.error(error);
    } finally {
      submit.disabled = false;
    }
  });
  ctx.onChange((change) => {
    if (change === 'sessions' || change === 'attendance') void load();
  });
  translateTree(element);
  return { element, show: load };
};
