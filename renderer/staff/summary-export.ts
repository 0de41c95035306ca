import { encodeCsv, type CsvCell } from '../../common/attendance/csv-encode';
import type { MonthlySummary } from '../../common/ipc/contract-attendance';
import { getLocale, t } from '../i18n/i18n';
import { downloadBlob } from '../ui/download-file';
import { activityKey, ageBandKey, sexKey, typeKey } from './labels';

/** The monthly summary as spreadsheet rows, in the staff member's language. */
export const summaryRows = (summary: MonthlySummary): CsvCell[][] => {
  const section = (headKey: string, rows: { key: string; count: number }[]): CsvCell[][] => [
    [],
    [t(headKey), t('staff.ui.summary.count')],
    ...rows.map((row) => [t(row.key), row.count]),
  ];
  return [
    [t('staff.ui.summary.month'), summary.month],
    [t('staff.ui.summary.sessions'), summary.sessionsHeld],
    [t('staff.ui.summary.people'), summary.peopleReached],
    [t('staff.ui.summary.attendances'), summary.attendances],
    [t('screens.summary.erased-count'), summary.erasedPeople],
    ...section(
      'staff.ui.summary.type',
      summary.byType.map((row) => ({ key: typeKey(row.type), count: row.count })),
    ),
    ...section(
      'staff.ui.summary.sex',
      summary.bySex.map((row) => ({ key: sexKey(row.sex), count: row.count })),
    ),
    ...section(
      'staff.ui.summary.age-band',
      summary.byAgeBand.map((row) => ({ key: ageBandKey(row.ageBand), count: row.count })),
    ),
    ...section(
      'staff.ui.sessions.activity',
      summary.sessionsByActivity.map((row) => ({ key: activityKey(row.activityType), count: row.count })),
    ),
  ];
};

/** A CSV as the attendance exports write it: BOM, ';' for Spanish Excel, ',' otherwise. */
export const downloadSummaryCsv = (summary: MonthlySummary): string => {
  const separator = getLocale() === 'es' ? ';' : ',';
  const fileName = `${t('screens.summary.file-name')}-${summary.month}.csv`;
  downloadBlob(
    new Blob([encodeCsv(summaryRows(summary), separator)], { type: 'text/csv;charset=utf-8' }),
    fileName,
  );
  return fileName;
};

/** Prints only the summary (print.css hides the rest of the page while body has the class). */
export const printSummary = (): void => {
  document.body.classList.add('print-summary');
  window.addEventListener('afterprint', () => document.body.classList.remove('print-summary'), {
    once: true,
  });
  window.print();
};
