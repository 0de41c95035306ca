import { h, label } from '../ui/dom';
import { createCheckInRoster } from './checkin-roster';
import { createSessionPicker } from './checkin-session-picker';
import { createWalkIn } from './checkin-walk-in';
import { field } from './form-fields';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';
import { translateTree } from './staff-text';

/**
 * The fast screen: pick the session, type a few letters, Enter (or tap) marks the person; a
 * walk-in is added and checked in from the same screen. The three parts live in their own files.
 */
export const createCheckInView = (ctx: StaffContext, openSessions: () => void) => {
  const status = createStatusLine('checkin-status');
  const roster = createCheckInRoster(ctx, status);
  const noSession = label('p', 'staff.ui.checkin.no-session', {
    class: 'notice',
    id: 'checkin-no-session',
    hidden: true,
  });
  const picker = createSessionPicker(ctx, {
    onSelect: async (id) => {
      element.dataset.sessionId = id;
      await roster.load(id);
    },
    onError: (error) => status.error(error),
  });
  const walkIn = createWalkIn(ctx, {
    sessionId: picker.sessionId,
    activity: picker.activity,
    typedName: () => roster.search.value.trim(),
    onCheckedIn: (person, keptHere) => {
      roster.addPresent(person);
      status.ok(keptHere ? 'screens.consent.marked-local' : 'staff.ui.walkin.done', {
        name: person.displayName,
      });
    },
    onClose: () => roster.search.focus(),
  });

  const element = h(
    'div',
    { class: 'staff-view checkin-view' },
    h(
      'div',
      { class: 'checkin-top' },
      field('staff.ui.checkin.session', picker.select),
      label('button', 'staff.ui.checkin.new-session', {
        type: 'button',
        class: 'secondary',
        onclick: openSessions,
      }),
      roster.count,
    ),
    noSession,
    h(
      'div',
      { class: 'checkin-main' },
      h(
        'div',
        { class: 'checkin-search' },
        field('staff.ui.checkin.search', roster.search, 'staff.ui.checkin.search-hint'),
        walkIn.openButton,
      ),
      walkIn.form,
      status.element,
      roster.list,
      roster.noMatch,
    ),
  );

  const loadNow = async (wanted?: string) => {
    const { count } = await picker.load(wanted);
    noSession.hidden = count > 0;
  };
  // One load at a time, in call order: showing the tab and then opening a new session must end
  // on that session, not on whichever roster (a big one loads slower) happened to arrive last.
  let loading: Promise<void> = Promise.resolve();
  const load = (wanted?: string) => {
    loading = loading.then(
      () => loadNow(wanted),
      () => loadNow(wanted),
    );
    return loading;
  };

  translateTree(element);
  return {
    element,
    show: async () => {
      await load();
      roster.search.focus();
    },
    open: async (id: string) => {
      await load(id);
      roster.search.focus();
    },
  };
};
