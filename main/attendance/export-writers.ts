/** Streaming file writers for exports: CSV (UTF-8 BOM, formula-safe) and XLSX (exceljs streaming). */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { encodeCsvRow, utf8Bom, type CsvCell } from '../../common/attendance/csv-encode';

export type RowSource = AsyncIterable<CsvCell[][]>;

export const writeCsvFile = async (
  file: string,
  header: string[],
  batches: RowSource,
  separator = ',',
): Promise<number> => {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  let count = 0;
  try {
    await write(utf8Bom + encodeCsvRow(header, separator));
    for await (const batch of batches) {
      await write(batch.map((cells) => encodeCsvRow(cells, separator)).join(''));
      count += batch.length;
    }
  } finally {
    stream.end();
    await once(stream, 'close');
  }
  return count;
};

/**
 * XLSX cells are written as typed values (strings stay strings, never formulas), so a cell like
 * "=1+1" shows as text and is not evaluated; no apostrophe is needed there.
 */
export const writeXlsxFile = async (file: string, header: string[], batches: RowSource): Promise<number> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('asistencia');
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
