import type { ImportResult } from '../../common/ipc/contract-attendance';
import { maxWireTextChars } from '../../common/ipc/wire';
import { h, label } from '../ui/dom';
import { field } from './form-fields';
import type { StaffContext } from './staff-context';
import { decodeRoster, type RosterEncoding } from './roster-decode';
import { createStatusLine } from './status-line';
import { setText, translateTree } from './staff-text';

const encodingNames: Record<RosterEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252 (Excel)',
};

/**
 * Roster import from a CSV file. "Check" is a dry run; "Import" adds the good rows in one
 * transaction. Each rejected row is listed with its spreadsheet row number and the reason.
 */
export const createRosterImport = (ctx: StaffContext) => {
  const file = h('input', { type: 'file', id: 'roster-file', accept: '.csv,text/csv,text/plain' });
  const check = label('button', 'staff.ui.import.check', {
    type: 'button',
    class: 'secondary',
    id: 'roster-check',
  });
  const run = label('button', 'staff.ui.import.run', { type: 'submit', id: 'roster-import' });
  const status = createStatusLine('roster-status');
  const result = h('div', { class: 'import-result', id: 'roster-result' });
  const form = h(
    'form',
    { class: 'staff-card', id: 'roster-form', novalidate: true, 'aria-labelledby': 'roster-title' },
    label('h3', 'staff.ui.import.title', { id: 'roster-title' }),
    label('p', 'staff.ui.import.explain', { class: 'hint' }),
    field('staff.ui.import.file', file),
    h('div', { class: 'actions' }, check, run),
    status.element,
    result,
  );

  let lastEncoding: RosterEncoding = 'utf-8';
  const show = (outcome: ImportResult) => {
    const summary = h('p', { class: 'import-summary', id: 'roster-summary' });
    summary.dataset.accepted = String(outcome.accepted);
    summary.dataset.rejected = String(outcome.rejected.length);
    setText(summary, outcome.dryRun ? 'staff.ui.import.checked' : 'staff.ui.import.done', {
      accepted: outcome.accepted,
      total: outcome.totalRows,
      rejected: outcome.rejected.length,
    });
    const rows = outcome.rejected.map((rejection) => {
      const reason = h('td', {});
      setText(reason, rejection.reasonKey, rejection.params);
      return h(
        'tr',
        { 'data-row': rejection.row },
        h('td', {}, String(rejection.row)),
        rejection.field ? label('td', `screens.import.column.${rejection.field}`) : h('td', {}),
        reason,
      );
    });
    const table = rows.length
      ? h(
          'table',
          { class: 'staff-table', id: 'roster-rejected' },
          label('caption', 'staff.ui.import.rejected'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              label('th', 'staff.ui.import.row', { scope: 'col' }),
              label('th', 'staff.ui.import.field', { scope: 'col' }),
              label('th', 'staff.ui.import.reason', { scope: 'col' }),
            ),
          ),
          h('tbody', {}, ...rows),
        )
      : null;
    // The names as read from the file: the admin sees "Peña", not "Pe�a", before importing.
    const names = outcome.acceptedNames.length
      ? h(
          'details',
          { class: 'import-names', id: 'roster-names', open: outcome.dryRun },
          label('summary', outcome.dryRun ? 'screens.import.names-to-add' : 'screens.import.names-added'),
          h('ul', {}, ...outcome.acceptedNames.map((name) => h('li', {}, name))),
        )
      : null;
    const encoding = h('p', { class: 'hint', id: 'roster-encoding', 'data-encoding': lastEncoding });
    setText(encoding, 'screens.import.encoding', { encoding: encodingNames[lastEncoding] });
    result.replaceChildren(summary, encoding, names ?? '', table ?? '');
    translateTree(result);
  };

  const submit = async (dryRun: boolean) => {
    const chosen = file.files?.[0];
    if (!chosen) {
      status.invalid('staff.ui.import.choose');
      file.focus();
      return;
    }
    // Refused here, in words, rather than sent as a message too large for the bridge.
    if (chosen.size > maxWireTextChars) {
      status.invalid('staff.error.import-too-big', { mb: Math.floor(maxWireTextChars / 1_000_000) });
      return;
    }
    check.disabled = run.disabled = true;
    try {
      const decoded = decodeRoster(new Uint8Array(await chosen.arrayBuffer()));
      lastEncoding = decoded.encoding;
      const csvText = decoded.text;
      const outcome = await ctx.call('roster.import', { csvText, dryRun });
      status.clear();
      show(outcome);
      if (!dryRun && outcome.accepted > 0) ctx.notify('people');
      ctx.notify('audit');
    } catch (error) {
      status.error(error);
    } finally {
      check.disabled = run.disabled = false;
    }
  };
  check.addEventListener('click', () => void submit(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(false);
  });
  translateTree(form);
  return { element: form };
};
