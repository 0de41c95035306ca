import { h, label } from '../ui/dom';
import { createCheckInView } from './checkin-view';
import { createExportsView } from './exports-view';
import { createLessonPackView } from '../lessons/lesson-pack-view';
import { createPeopleView } from './people-view';
import { createSessionsView } from './sessions-view';
import { createSettingsView } from './settings-view';
import type { StaffContext } from './staff-context';
import { translateTree } from './staff-text';
import { createSyncView } from './sync-view';
import { createTabs, type TabSpec } from './tabs';
import { createPlansView } from '../classroom/plans-view';
import { createClassView } from '../classroom/class-view';
import { createProgressView } from '../progress/progress-view';

/** The unlocked staff area: role, Lock button and the tabs (Settings only for the centre admin). */
export const buildStaffShell = (ctx: StaffContext, onLock: () => void) => {
  const checkIn = createCheckInView(ctx, () => tabs.select('sessions', true));
  const people = createPeopleView(ctx);
  const sessions = createSessionsView(ctx, (sessionId) => {
    tabs.select('checkin');
    void checkIn.open(sessionId);
  });
  const exportsView = createExportsView(ctx);
  const progress = createProgressView(ctx);
  // Today's class: the session "Empezar la clase de hoy" made, which the live class suggests check-ins for.
  let todaySession: string | null = null;
  const classView = createClassView(ctx, () => todaySession);
  const plans = createPlansView(ctx, (sessionId, firstLesson) => {
    todaySession = sessionId;
    classView.preset(firstLesson);
    tabs.select('checkin');
    void checkIn.open(sessionId);
  });
  const specs: TabSpec[] = [
    {
      id: 'checkin',
      labelKey: 'staff.ui.tab.checkin',
      panel: h('div', {}, checkIn.element),
      onShow: () => void checkIn.show(),
    },
    {
      id: 'people',
      labelKey: 'staff.ui.tab.people',
      panel: h('div', {}, people.element),
      onShow: () => void people.show(),
    },
    {
      id: 'sessions',
      labelKey: 'staff.ui.tab.sessions',
      panel: h('div', {}, sessions.element),
      onShow: () => void sessions.show(),
    },
    {
      id: 'exports',
      labelKey: 'staff.ui.tab.exports',
      panel: h('div', {}, exportsView.element),
      onShow: () => void exportsView.show(),
    },
    {
      id: 'plans',
      labelKey: 'classroom.plans.tab',
      panel: h('div', {}, plans.element),
      onShow: () => void plans.show(),
    },
    {
      id: 'class',
      labelKey: 'classroom.class.tab',
      panel: h('div', {}, classView.element),
      onShow: () => void classView.show(),
    },
    {
      id: 'progress',
      labelKey: 'progress.staff.tab',
      panel: h('div', {}, progress.element),
      onShow: () => void progress.show(),
    },
    {
      id: 'lessons',
      labelKey: 'lessons.pack.title',
      panel: h('div', {}, createLessonPackView(ctx).element),
    },
  ];
  if (ctx.role === 'admin') {
    const settings = createSettingsView(ctx);
    specs.push({ id: 'settings', labelKey: 'staff.ui.tab.settings', panel: h('div', {}, settings.element) });
    const sync = createSyncView(ctx);
    specs.push({
      id: 'sync',
      labelKey: 'sync.ui.tab',
      panel: h('div', {}, sync.element),
      onShow: () => void sync.show(),
    });
  }
  const tabs = createTabs(specs, 'staff-shell-title');
  const lock = label('button', 'staff.ui.lock', {
    type: 'button',
    class: 'secondary',
    id: 'staff-lock',
    onclick: onLock,
  });
  const element = h(
    'div',
    { class: 'staff-shell', 'data-role': ctx.role, id: 'staff-shell' },
    h(
      'div',
      { class: 'staff-shell-head' },
      label('h3', 'staff.ui.shell.title', { id: 'staff-shell-title', class: 'visually-hidden' }),
      label('span', `staff.ui.role.${ctx.role}`, { class: 'role-badge', id: 'staff-role' }),
      tabs.list,
      lock,
    ),
    ...tabs.panels,
  );
  translateTree(element);
  return { element, start: () => tabs.select('checkin') };
};
