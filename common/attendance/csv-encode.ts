/**
 * CSV encoding for exports opened in Excel / LibreOffice / Google Sheets (RFC 4180 quoting).
 * Cells starting with = + - @ (or tab / carriage return) would be run as formulas by a
 * spreadsheet (CSV injection); they are neutralised with a leading apostrophe, the
 * OWASP-recommended guard that spreadsheets show as plain text.
 */
export const utf8Bom = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;

export const neutraliseFormula = (text: string): string => (formulaStart.test(text) ? `'${text}` : text);

export const encodeCsvCell = (value: CsvCell, separator = ','): string => {
  if (value === null || value === undefined) return '';
  // Numbers are written as numbers (a negative number is data, not a formula).
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(value);
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One line including its CRLF terminator. */
export const encodeCsvRow = (cells: readonly CsvCell[], separator = ','): string =>
  `${cells.map((cell) => encodeCsvCell(cell, separator)).join(separator)}\r\n`;

/** A whole document with the UTF-8 BOM (so Excel reads accents correctly). */
export const encodeCsv = (rows: readonly (readonly CsvCell[])[], separator = ','): string =>
  utf8Bom + rows.map((row) => encodeCsvRow(row, separator)).join('');
