import type { ActivityType, ExportFormat, ExportResult } from '../../common/ipc/contract-attendance';
import { getLocale } from '../i18n/i18n';
import { h, label } from '../ui/dom';
import { createAuditLog } from './audit-log';
import { confirmAction } from './confirm-dialog';
import { base64ToBytes, downloadBytes } from '../ui/download-file';
import { enumSelect, field } from './form-fields';
import { activityKey, activityTypes } from './labels';
import { firstOfMonth, localDate } from './local-dates';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';
import { createSummaryView } from './summary-view';
import { setText, translateTree } from './staff-text';

/** The exact bytes main wrote, so the download equals the file kept in the data folder. */
const fileBytes = (result: ExportResult): Uint8Array<ArrayBuffer> | null => {
  if (result.contentBase64) return base64ToBytes(result.contentBase64);
  if (result.text !== null) return new TextEncoder().encode(result.text);
  return null;
};

/**
 * Exports (admins): CSV or XLSX by date range and activity type, pseudonymous unless "include
 * names" is ticked AND confirmed in a dialog. Then the monthly summary and the audit log.
 */
export const createExportsView = (ctx: StaffContext) => {
  const summary = createSummaryView(ctx);
  if (ctx.role !== 'admin') {
    const element = h(
      'div',
      { class: 'staff-view exports-view' },
      label('p', 'staff.ui.exports.admin-only', { class: 'notice', id: 'exports-admin-only' }),
      summary.element,
    );
    translateTree(element);
    return { element, show: summary.show };
  }

  const from = h('input', { type: 'date', id: 'export-from', value: firstOfMonth() });
  const to = h('input', { type: 'date', id: 'export-to', value: localDate() });
  const activity = enumSelect(activityTypes, activityKey, {
    id: 'export-activity',
    emptyKey: 'staff.ui.exports.all-activities',
  });
  const named = h('input', { type: 'checkbox', id: 'export-named' });
  const csv = label('button', 'staff.ui.exports.csv', { type: 'button', id: 'export-csv' });
  const xlsx = label('button', 'staff.ui.exports.xlsx', { type: 'button', id: 'export-xlsx' });
  const status = createStatusLine('export-status');
  const path = h('p', { class: 'export-path', id: 'export-path', hidden: true });
  const audit = createAuditLog(ctx);

  const form = h(
    'form',
    { class: 'staff-card', id: 'export-form', novalidate: true, 'aria-labelledby': 'export-title' },
    label('h3', 'staff.ui.exports.title', { id: 'export-title' }),
    h(
      'div',
      { class: 'field-row' },
      field('staff.ui.exports.from', from),
      field('staff.ui.exports.to', to),
      field('staff.ui.sessions.activity', activity),
    ),
    h(
      'div',
      { class: 'field named-choice' },
      h('label', { class: 'check', for: named.id }, named, label('span', 'staff.ui.exports.named')),
      label('small', 'staff.ui.exports.named-hint', { class: 'hint', id: 'export-named-hint' }),
    ),
    h('div', { class: 'actions' }, csv, xlsx),
    status.element,
    path,
  );
  named.setAttribute('aria-describedby', 'export-named-hint');

  const runExport = async (format: ExportFormat) => {
    if (!from.value || !to.value) {
      status.invalid('staff.ui.form.date-required');
      (from.value ? to : from).focus();
      return;
    }
    const withNames = named.checked;
    if (withNames) {
      const sure = await confirmAction({
        id: 'named-export-dialog',
        titleKey: 'staff.ui.exports.named-title',
        messageKey: 'staff.ui.exports.named-message',
        confirmKey: 'staff.ui.exports.named-confirm',
        danger: true,
      });
      if (!sure) {
        status.ok('staff.ui.exports.named-cancelled');
        return;
      }
    }
    csv.disabled = xlsx.disabled = true;
    try {
      const result = await ctx.call('exports.attendance', {
        format,
        from: from.value,
        to: to.value,
        activityType: (activity.value || null) as ActivityType | null,
        named: withNames,
        ...(withNames ? { confirmNamed: true } : {}),
        // For the admin's spreadsheet: their language, local times, their locale's separator.
        language: getLocale(),
      });
      const bytes = fileBytes(result);
      if (bytes) downloadBytes(bytes, result.fileName, result.mimeType);
      status.ok(result.named ? 'staff.ui.exports.done-named' : 'staff.ui.exports.done', {
        rows: result.rowCount,
        file: result.fileName,
      });
      path.hidden = false;
      path.dataset.path = result.filePath;
      setText(path, bytes ? 'staff.ui.exports.saved-at' : 'staff.ui.exports.too-big', {
        path: result.filePath,
      });
      ctx.notify('audit');
    } catch (error) {
      status.error(error);
    } finally {
      csv.disabled = xlsx.disabled = false;
    }
  };
  csv.addEventListener('click', () => void runExport('csv'));
  xlsx.addEventListener('click', () => void runExport('xlsx'));
  form.addEventListener('submit', (event) => event.preventDefault());

  const element = h('div', { class: 'staff-view exports-view' }, form, summary.element, audit.element);
  translateTree(element);
  return {
    element,
    show: async () => {
      await Promise.all([summary.show(), audit.show()]);
    },
  };
};
