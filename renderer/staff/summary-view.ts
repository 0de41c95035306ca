import type { MonthlySummary } from '../../common/ipc/contract-attendance';
import { h, label } from '../ui/dom';
import { field } from './form-fields';
import { activityKey, ageBandKey, sexKey, typeKey } from './labels';
import { localMonth } from './local-dates';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';
import { drawSummaryChart } from './summary-chart';
import { downloadSummaryCsv, downloadSummaryXlsx, printSummary } from './summary-export';
import { getLocale } from '../i18n/i18n';
import { setText, translateTree, whileConnected } from './staff-text';

const countTable = (
  id: string,
  captionKey: string,
  headKey: string,
  rows: { key: string; count: number }[],
) =>
  h(
    'table',
    { class: 'staff-table compact', id },
    label('caption', captionKey),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        label('th', headKey, { scope: 'col' }),
        label('th', 'staff.ui.summary.count', { scope: 'col' }),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h('tr', {}, label('th', row.key, { scope: 'row' }), h('td', {}, String(row.count))),
      ),
    ),
  );

/** Monthly summary for the centre report: totals, breakdowns and a stacked bar chart. */
export const createSummaryView = (ctx: StaffContext) => {
  const month = h('input', { type: 'month', id: 'summary-month', value: localMonth() });
  const status = createStatusLine('summary-status');
  const body = h('div', { class: 'summary-body', id: 'summary-body' });
  const printButton = label('button', 'screens.summary.print', {
    type: 'button',
    class: 'secondary',
    id: 'summary-print',
  });
  const csvButton = label('button', 'screens.summary.csv', {
    type: 'button',
    class: 'secondary',
    id: 'summary-csv',
  });
  const xlsxButton = label('button', 'summary-export.xlsx', {
    type: 'button',
    class: 'secondary',
    id: 'summary-xlsx',
  });
  const element = h(
    'section',
    { class: 'staff-card summary-view', 'aria-labelledby': 'summary-title' },
    label('h3', 'staff.ui.summary.title', { id: 'summary-title' }),
    h(
      'div',
      { class: 'field-row summary-actions' },
      field('staff.ui.summary.month', month),
      printButton,
      csvButton,
      xlsxButton,
    ),
    status.element,
    body,
  );
  let last: MonthlySummary | null = null;
  printButton.addEventListener('click', () => printSummary());
  csvButton.addEventListener('click', () => {
    if (last) status.ok('screens.summary.csv-done', { file: downloadSummaryCsv(last) });
  });

  xlsxButton.addEventListener('click', async () => {
    if (!month.value) return;
    xlsxButton.disabled = true;
    try {
      const result = await ctx.call('reports.monthlySummaryXlsx', {
        month: month.value,
        language: getLocale(),
      });
      status.ok('summary-export.xlsx-done', { file: downloadSummaryXlsx(result) });
    } catch (error) {
      status.error(error);
    } finally {
      xlsxButton.disabled = false;
    }
  });

  const render = (summary: MonthlySummary) => {
    last = summary;
    const totals = h(
      'dl',
      { class: 'summary-totals', id: 'summary-totals' },
      label('dt', 'staff.ui.summary.sessions'),
      h('dd', { 'data-total': 'sessions' }, String(summary.sessionsHeld)),
      label('dt', 'staff.ui.summary.people'),
      h('dd', { 'data-total': 'people' }, String(summary.peopleReached)),
      label('dt', 'staff.ui.summary.attendances'),
      h('dd', { 'data-total': 'attendances' }, String(summary.attendances)),
    );
    const erasedNote = summary.erasedPeople ? h('p', { class: 'summary-note', id: 'summary-erased' }) : null;
    if (erasedNote) setText(erasedNote, 'screens.summary.erased-note', { count: summary.erasedPeople });
    body.replaceChildren(
      totals,
      ...(erasedNote ? [erasedNote] : []),
      h(
        'div',
        { class: 'summary-tables' },
        countTable(
          'summary-by-type',
          'staff.ui.summary.by-type',
          'staff.ui.summary.type',
          summary.byType.map((row) => ({ key: typeKey(row.type), count: row.count })),
        ),
        countTable(
          'summary-by-sex',
          'staff.ui.summary.by-sex',
          'staff.ui.summary.sex',
          summary.bySex.map((row) => ({ key: sexKey(row.sex), count: row.count })),
        ),
        countTable(
          'summary-by-age',
          'staff.ui.summary.by-age',
          'staff.ui.summary.age-band',
          summary.byAgeBand.map((row) => ({ key: ageBandKey(row.ageBand), count: row.count })),
        ),
        countTable(
          'summary-by-activity',
          'staff.ui.summary.by-activity',
          'staff.ui.sessions.activity',
          summary.sessionsByActivity.map((row) => ({ key: activityKey(row.activityType), count: row.count })),
        ),
      ),
      h(
        'figure',
        { class: 'summary-figure' },
        drawSummaryChart(summary),
        label('figcaption', 'staff.ui.summary.chart-caption'),
      ),
    );
    translateTree(body);
  };
  // The chart's SVG text is drawn with t(); redraw it in the new language.
  whileConnected(element, () => {
    if (last) render(last);
  });

  const load = async () => {
    if (!month.value) return;
    try {
      render(await ctx.call('reports.monthlySummary', { month: month.value }));
      status.clearError();
    } catch (error) {
      status.error(error);
    }
  };
  month.addEventListener('change', () => void load());
  translateTree(element);
  return { element, show: load };
};
