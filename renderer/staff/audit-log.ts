import type { AuditEntry } from '../../common/ipc/contract-attendance';
import { getLocale, onLocaleChange, t } from '../i18n/i18n';
import { auditDetailText } from './audit-detail';
import { h, label } from '../ui/dom';
import { auditActionKey } from './labels';
import { shortDateTime } from './local-dates';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';
import { translateTree } from './staff-text';

/** The audit log (exports, imports, erasures, PIN changes): who, when, what — admins only. */
export const createAuditLog = (ctx: StaffContext) => {
  const status = createStatusLine('audit-status');
  const body = h('tbody', {});
  const element = h(
    'section',
    { class: 'staff-card', 'aria-labelledby': 'audit-title' },
    label('h3', 'staff.ui.audit.title', { id: 'audit-title' }),
    h(
      'table',
      { class: 'staff-table', id: 'audit-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['when', 'role', 'action', 'kind', 'rows', 'detail'].map((col) =>
            label('th', `staff.ui.audit.${col}`, { scope: 'col' }),
          ),
        ),
      ),
      body,
    ),
    status.element,
  );
  const row = (entry: AuditEntry) =>
    h(
      'tr',
      { 'data-action': entry.action, 'data-named': entry.named === null ? undefined : String(entry.named) },
      h('td', {}, shortDateTime(entry.at, getLocale())),
      label(
        'td',
        entry.role === 'admin' || entry.role === 'instructor'
          ? `staff.ui.role.${entry.role}`
          : 'staff.ui.role.none',
      ),
      label('td', auditActionKey(entry.action)),
      entry.named === null
        ? h('td', {}, entry.kind ?? '')
        : h(
            'td',
            {},
            `${entry.kind ?? ''} · `,
            label('span', entry.named ? 'staff.ui.audit.named' : 'staff.ui.audit.pseudonymous'),
          ),
      h('td', {}, entry.rowCount === null ? '' : String(entry.rowCount)),
      detailCell(entry),
    );
  // The detail follows the language like the other cells.
  const detailCell = (entry: AuditEntry) => {
    const cell = h('td', {});
    const show = () => {
      cell.textContent = auditDetailText(entry.action, entry.detail, t);
    };
    show();
    onLocaleChange(show);
    return cell;
  };
  const load = async () => {
    try {
      const { entries } = await ctx.call('audit.list', { limit: 100 });
      body.replaceChildren(...entries.map(row));
      if (entries.length === 0) body.append(h('tr', {}, label('td', 'staff.ui.audit.none', { colspan: 6 })));
      translateTree(body);
      status.clearError();
    } catch (error) {
      status.error(error);
    }
  };
  ctx.onChange((change) => {
    if (change === 'audit') void load();
  });
  translateTree(element);
  return { element, show: load };
};
