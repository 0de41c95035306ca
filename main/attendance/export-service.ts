/** Attendance exports (CSV / XLSX) into the data directory, pseudonymous unless confirmed; audited. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ActivityType, ExportFormat, ExportResult } from '../../common/ipc/contract-attendance';
import { createFileSink } from '../app/file-sink';
import type { Actor } from './actor';
import type { AttendanceStore } from './attendance-store';
import { writeAudit } from './audit-repo';
import { attendanceError } from './errors';
import { exportHeader, exportRowBatches } from './export-rows';
import { readableExport } from './export-readable';
import { writeCsvFile, writeXlsxFile, type RowSource } from './export-writers';
import type { CsvCell } from '../../common/attendance/csv-encode';
import type { Locale } from '../../common/i18n/locale';

export interface ExportRequest {
  format: ExportFormat;
  from: string;
  to: string;
  activityType?: ActivityType | null;
  named: boolean;
  confirmNamed?: boolean;
  language?: Locale;
}

async function* mapBatches(batches: RowSource, row: (cells: CsvCell[]) => CsvCell[]): RowSource {
  for await (const batch of batches) yield batch.map(row);
}

/** Files above this are not sent back over IPC; the UI points to the file path instead. */
export const maxInlineExportBytes = 25 * 1024 * 1024;
/** CSV text is also sent as a string only up to this size (the base64 copy is enough beyond it). */
export const maxInlineTextBytes = 5 * 1024 * 1024;
const maxRangeDays = 366;

const mimeTypes: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const exportFileName = (request: ExportRequest, now: Date): string =>
  [
    'asistencia',
    `${request.from}_${request.to}`,
    request.activityType ?? null,
    request.named ? 'con-nombres' : null,
    now.toISOString().replace(/[:.]/g, '-'),
  ]
    .filter(Boolean)
    .join('-') + `.${request.format}`;

export const createExportService = (store: AttendanceStore, exportsDir: string) => ({
  async exportAttendance(request: ExportRequest, actor: Actor): Promise<ExportResult> {
    if (request.named && request.confirmNamed !== true) throw attendanceError('export-named-unconfirmed');
    const days = (Date.parse(request.to) - Date.parse(request.from)) / 86_400_000;
    if (!(days >= 0 && days <= maxRangeDays)) throw attendanceError('export-range');
    const db = store.db();
    const fileName = exportFileName(request, new Date());
    const filePath = join(exportsDir, fileName);
    const readable = request.language ? readableExport(request.language, request.named) : null;
    const header = readable?.header ?? exportHeader(request.named);
    const rows = exportRowBatches(db.read, {
      from: request.from,
      to: request.to,
      activityType: request.activityType ?? null,
      named: request.named,
    });
    const batches = readable ? mapBatches(rows, readable.row) : rows;
    // A missing exports folder is recreated; a full disk comes back as storage.disk-full and
    // leaves no partial file (the process never goes down with a stream error).
    const sink = await createFileSink(filePath);
    let rowCount: number;
    try {
      rowCount =
        request.format === 'csv'
          ? await writeCsvFile(sink, header, batches, readable?.separator)
          : await writeXlsxFile(sink, header, batches);
    } catch (error) {
      await sink.abort();
      throw error;
    }
    await sink.commit();
    await db.write((tx) =>
      writeAudit(
        tx,
        actor,
        {
          action: 'export',
          kind: request.format,
          named: request.named,
          rowCount,
          detail: `${request.from}..${request.to} ${request.activityType ?? 'all'} ${fileName}`,
        },
        new Date().toISOString(),
      ),
    );
    const sizeBytes = statSync(filePath).size;
    const bytes = sizeBytes <= maxInlineExportBytes ? readFileSync(filePath) : null;
    return {
      format: request.format,
      named: request.named,
      rowCount,
      fileName,
      filePath,
      mimeType: mimeTypes[request.format],
      sizeBytes,
      contentBase64: bytes ? bytes.toString('base64') : null,
      text:
        bytes && request.format === 'csv' && sizeBytes <= maxInlineTextBytes ? bytes.toString('utf8') : null,
    };
  },
});
