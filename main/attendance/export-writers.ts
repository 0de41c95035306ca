/** Streaming file writers for exports: CSV (UTF-8 BOM, formula-safe) and XLSX (exceljs streaming). */
import ExcelJS from 'exceljs';
import { encodeCsvRow, utf8Bom, type CsvCell } from '../../common/attendance/csv-encode';
import type { FileSink } from '../app/file-sink';

export type RowSource = AsyncIterable<CsvCell[][]>;

export const writeCsvFile = async (
  sink: FileSink,
  header: string[],
  batches: RowSource,
  separator = ',',
): Promise<number> => {
  let count = 0;
  await sink.write(utf8Bom + encodeCsvRow(header, separator));
  for await (const batch of batches) {
    await sink.write(batch.map((cells) => encodeCsvRow(cells, separator)).join(''));
    count += batch.length;
  }
  return count;
};

/**
 * XLSX cells are written as typed values (strings stay strings, never formulas), so a cell like
 * "=1+1" shows as text and is not evaluated; no apostrophe is needed there.
 */
export const writeXlsxFile = async (
  sink: FileSink,
  header: CsvCell[],
  batches: RowSource,
  sheetName = 'asistencia',
): Promise<number> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink.stream(),
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).commit();
  let count = 0;
  for await (const batch of batches) {
    for (const cells of batch) sheet.addRow(cells.map((cell) => (cell === undefined ? null : cell))).commit();
    count += batch.length;
  }
  sheet.commit();
  await workbook.commit();
  return count;
};
