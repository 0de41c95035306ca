import type { PlanSummary } from '../../common/ipc/contract-classroom';
import { moveMeeting } from '../../common/plans/lesson-plan';
import { getLocale, onLocaleChange, t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { button, field, textInput } from '../staff/form-fields';
import { localDate, localTime } from '../staff/local-dates';
import type { StaffContext } from '../staff/staff-context';
import { createStatusLine } from '../staff/status-line';
import { translateTree } from '../staff/staff-text';
import { renderMeetingGuide } from './meeting-guide';

/**
 * The staff area's Plans tab: pick a plan, see its meetings, copy it, reorder a copy, start
 * today's class from a meeting (the session opens in check-in) and print a meeting's guide.
 */
export const createPlansView = (
  ctx: StaffContext,
  onStarted: (sessionId: string, firstLesson: string | null) => void,
) => {
  const status = createStatusLine('plans-status');
  const planSelect = h('select', { id: 'plans-select' });
  const meetings = h('ol', { class: 'plan-meetings', id: 'plan-meetings' });
  const missing = h('p', { class: 'notice', id: 'plans-missing', hidden: true });
  const facilitator = textInput({ id: 'plans-facilitator', maxlength: 80 });
  const guide = h('div', { class: 'meeting-guide', id: 'meeting-guide', hidden: true });
  let plans: PlanSummary[] = [];
  const current = () => plans.find((p) => p.plan.id === planSelect.value) ?? null;

  const render = () => {
    const locale = getLocale();
    const selected = planSelect.value;
    planSelect.replaceChildren(
      ...plans.map((p) =>
        h('option', { value: p.plan.id }, p.plan.title[locale] + (p.source === 'copy' ? ' ✎' : '')),
      ),
    );
    if (plans.some((p) => p.plan.id === selected)) planSelect.value = selected;
    const summary = current();
    meetings.replaceChildren();
    if (!summary) return;
    missing.hidden = summary.missingLessons.length === 0;
    missing.textContent = t('classroom.plans.missing', { lessons: summary.missingLessons.join(', ') });
    const editable = summary.source === 'copy';
    summary.plan.meetings.forEach((meeting, index) => {
      const moves = editable
        ? [
            button('classroom.plans.up', {
              class: 'secondary',
              disabled: index === 0,
              onclick: () => void move(index, index - 1),
            }),
            button('classroom.plans.down', {
              class: 'secondary',
              disabled: index === summary.plan.meetings.length - 1,
              onclick: () => void move(index, index + 1),
            }),
          ]
        : [];
      meetings.append(
        h(
          'li',
          { class: 'plan-meeting', 'data-meeting': String(index) },
          h('strong', {}, t('classroom.plans.meeting', { n: index + 1 })),
          h('span', { class: 'plan-lessons' }, meeting.lessons.join(', ')),
          h('p', { class: 'plan-note' }, meeting.note[locale]),
          h(
            'div',
            { class: 'plan-meeting-actions' },
            button('classroom.plans.start', {
              class: 'primary',
              'data-start': String(index),
              onclick: () => void start(index),
            }),
            button('classroom.plans.print', {
              class: 'secondary',
              'data-print': String(index),
              onclick: () => void print(index),
            }),
            ...moves,
          ),
        ),
      );
    });
    translateTree(meetings);
  };

  const load = async (select?: string) => {
    try {
      plans = (await ctx.call('plans.list', {})).plans;
      if (select) planSelect.value = select;
      render();
      if (select) planSelect.value = select;
      render();
    } catch (error) {
      status.error(error);
    }
  };
  const move = async (from: number, to: number) => {
    const summary = current();
    if (!summary) return;
    try {
      await ctx.call('plans.save', { plan: moveMeeting(summary.plan, from, to) });
      await load(summary.plan.id);
      status.ok('classroom.plans.saved');
    } catch (error) {
      status.error(error);
    }
  };
  const copy = async () => {
    const summary = current();
    if (!summary) return;
    try {
      const title = {
        es: t('classroom.plan.copyTitle', { title: summary.plan.title.es }).slice(0, 80),
        en: t('classroom.plan.copyTitle', { title: summary.plan.title.en }).slice(0, 80),
      };
      const copied = await ctx.call('plans.copy', { id: summary.plan.id, title });
      await load(copied.plan.id);
      status.ok('classroom.plans.copied');
    } catch (error) {
      status.error(error);
    }
  };
  const start = async (meeting: number) => {
    const summary = current();
    if (!summary) return;
    if (!facilitator.value.trim()) {
      status.invalid('classroom.plans.facilitator-needed');
      facilitator.focus();
      return;
    }
    try {
      const { session } = await ctx.call('plans.startToday', {
        planId: summary.plan.id,
        meeting,
        date: localDate(),
        startTime: localTime(),
        facilitator: facilitator.value.trim(),
      });
      ctx.notify('sessions');
      onStarted(session.id, session.lessons[0] ?? null);
    } catch (error) {
      status.error(error);
    }
  };
  const print = async (meeting: number) => {
    const summary = current();
    if (!summary) return;
    try {
      const data = await ctx.call('plans.guide', { id: summary.plan.id, meeting });
      guide.replaceChildren(renderMeetingGuide(data, getLocale()));
      guide.hidden = false;
      // The printout is a copy at the top of the page; everything else is hidden while printing.
      const printed =
        document.getElementById('print-guide') ?? document.body.appendChild(h('div', { id: 'print-guide' }));
      printed.replaceChildren(renderMeetingGuide(data, getLocale()));
      document.body.dataset.printing = 'guide';
      window.addEventListener('afterprint', () => delete document.body.dataset.printing, { once: true });
      window.print();
    } catch (error) {
      status.error(error);
    }
  };

  planSelect.addEventListener('change', render);
  onLocaleChange(render);
  const element = h(
    'div',
    { class: 'staff-view plans-view' },
    h(
      'div',
      { class: 'plans-top' },
      field('classroom.plans.plan', planSelect),
      button('classroom.plans.copy', { class: 'secondary', id: 'plans-copy', onclick: () => void copy() }),
      field('classroom.plans.facilitator', facilitator),
    ),
    missing,
    status.element,
    meetings,
    guide,
  );
  translateTree(element);
  return { element, show: () => load() };
};
