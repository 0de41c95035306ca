import { encodeCsv } from '../../common/attendance/csv-encode';
import { monthlySummaryRows } from '../../common/attendance/summary-rows';
import type { ExportResult, MonthlySummary } from '../../common/ipc/contract-attendance';
import { getLocale, t } from '../i18n/i18n';
import { base64ToBytes, downloadBlob, downloadBytes } from '../ui/download-file';

/** A CSV as the attendance exports write it: BOM, ';' for Spanish Excel, ',' otherwise. */
export const downloadSummaryCsv = (summary: MonthlySummary): string => {
  const separator = getLocale() === 'es' ? ';' : ',';
  const fileName = `${t('screens.summary.file-name')}-${summary.month}.csv`;
  downloadBlob(
    new Blob([encodeCsv(monthlySummaryRows(summary, getLocale(), { at: new Date() }), separator)], {
      type: 'text/csv;charset=utf-8',
    }),
    fileName,
  );
  return fileName;
};

/** The XLSX main wrote into the exports folder, handed to the browser's download. */
export const downloadSummaryXlsx = (result: ExportResult): string => {
  if (result.contentBase64)
    downloadBytes(base64ToBytes(result.contentBase64), result.fileName, result.mimeType);
  return result.fileName;
};

/** Prints only the summary (print.css hides the rest of the page while body has the class). */
export const printSummary = (): void => {
  document.body.classList.add('print-summary');
  window.addEventListener('afterprint', () => document.body.classList.remove('print-summary'), {
    once: true,
  });
  window.print();
};
