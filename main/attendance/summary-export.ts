/**
 * The monthly summary as an XLSX for the centre report: the same rows as the summary's CSV
 * (headers and values in the admin's language, local month and time), written by the
 * attendance exports' XLSX writer through the one streamed write path into exports/, audited.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { monthlySummaryRows } from '../../common/attendance/summary-rows';
import type { Locale } from '../../common/i18n/locale';
import { translate } from '../../common/i18n/translate';
import type { ExportResult, MonthlySummary } from '../../common/ipc/contract-attendance';
import { createFileSink } from '../app/file-sink';
import type { Actor } from './actor';
import type { AttendanceStore } from './attendance-store';
import { writeAudit } from './audit-repo';
import { writeXlsxFile } from './export-writers';

export const xlsxMimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const createSummaryExport = (
  store: AttendanceStore,
  exportsDir: string,
  monthlySummary: (month: string) => Promise<MonthlySummary>,
) => ({
  async exportMonthlySummaryXlsx(month: string, language: Locale, actor: Actor): Promise<ExportResult> {
    const rows = monthlySummaryRows(await monthlySummary(month), language, { at: new Date() });
    const fileName = `${translate(language, 'screens.summary.file-name')}-${month}.xlsx`;
    const filePath = join(exportsDir, fileName);
    const [header = [], ...body] = rows;
    const sink = await createFileSink(filePath);
    try {
      await writeXlsxFile(
        sink,
        header,
        (async function* () {
          yield body;
        })(),
        translate(language, 'summary-export.sheet'),
      );
    } catch (error) {
      await sink.abort();
      throw error;
    }
    await sink.commit();
    await store.db().write((tx) =>
      writeAudit(
        tx,
        actor,
        {
          action: 'export',
          kind: 'xlsx',
          named: false,
          rowCount: rows.length,
          detail: `summary ${month} ${fileName}`,
        },
        new Date().toISOString(),
      ),
    );
    const bytes = readFileSync(filePath);
    return {
      format: 'xlsx',
      named: false,
      rowCount: rows.length,
      fileName,
      filePath,
      mimeType: xlsxMimeType,
      sizeBytes: statSync(filePath).size,
      contentBase64: bytes.toString('base64'),
      text: null,
    };
  },
});
