import type { SyncProblem } from '../../common/ipc/contract-sync';
import { getLocale } from '../i18n/i18n';
import { h, label } from '../ui/dom';
import { shortDateTime } from './local-dates';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';
import { translateTree } from './staff-text';

/** Records the tracker did not take as they are: conflicts kept there for review, refusals with reasons. */
export const createSyncProblems = (ctx: StaffContext) => {
  const status = createStatusLine('sync-problems-status');
  const body = h('tbody', {});
  const element = h(
    'section',
    { class: 'staff-card', 'aria-labelledby': 'sync-problems-title' },
    label('h3', 'sync.ui.problems-title', { id: 'sync-problems-title' }),
    h(
      'table',
      { class: 'staff-table', id: 'sync-problems' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['when', 'what', 'state', 'reason'].map((col) =>
            label('th', `sync.ui.problem.${col}`, { scope: 'col' }),
          ),
        ),
      ),
      body,
    ),
    status.element,
  );
  const row = (problem: SyncProblem) =>
    h(
      'tr',
      { 'data-state': problem.state },
      h('td', {}, shortDateTime(problem.createdAt, getLocale())),
      label('td', `sync.ui.entity.${problem.entity}`),
      label('td', `sync.ui.problem.${problem.state}`),
      label('td', problem.state === 'conflict' ? 'sync.reason.conflict' : `sync.reason.${problem.reason}`),
    );
  const load = async () => {
    try {
      const { problems } = await ctx.call('sync.problems', { limit: 100 });
      body.replaceChildren(...problems.map(row));
      if (problems.length === 0)
        body.append(h('tr', {}, label('td', 'sync.ui.problems-none', { colspan: 4 })));
      translateTree(body);
      status.clearError();
    } catch (error) {
      status.error(error);
    }
  };
  translateTree(element);
  return { element, load };
};
