/**
 * Tolerant CSV parser for rosters saved by Excel, LibreOffice or Google Sheets: strips a UTF-8
 * BOM, detects ';' (Spanish-locale Excel) or ',' (or tab) from the header line, handles quoted
 * cells with doubled quotes and line breaks, CRLF or LF. Each record keeps the 1-based line
 * number where it starts, so rejections can name the row a spreadsheet shows.
 */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Bounds checked while reading, so a file of one endless line is refused before it is split up. */
export interface CsvLimits {
  maxCellsPerRecord: number;
  maxCharsPerRecord: number;
}

/** A record past the limits: which limit, and the line it starts on. */
export class CsvLimitError extends Error {
  constructor(
    readonly limit: 'cells' | 'chars',
    readonly line: number,
    readonly max: number,
  ) {
    super(`CSV record at line ${line} has more than ${max} ${limit}`);
    this.name = 'CsvLimitError';
  }
}

export const detectSeparator = (text: string, maxChars = Number.POSITIVE_INFINITY): ';' | ',' | '\t' => {
  let firstLine = '';
  let inQuotes = false;
  for (const char of text) {
    if (firstLine.length >= maxChars) break;
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    firstLine += char;
  }
  const count = (sep: string) => firstLine.split(sep).length - 1;
  const candidates = [';', ',', '\t'] as const;
  let best: ';' | ',' | '\t' = ',';
  for (const sep of candidates) if (count(sep) > count(best)) best = sep;
  return best;
};

export const parseCsv = (input: string, separator?: string, limits?: CsvLimits): CsvRecord[] => {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const maxCells = limits?.maxCellsPerRecord ?? Number.POSITIVE_INFINITY;
  const maxChars = limits?.maxCharsPerRecord ?? Number.POSITIVE_INFINITY;
  const sep = separator ?? detectSeparator(text, maxChars + 1);
  let recordStart = 0;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let cellStarted = false;
  const endCell = () => {
    if (cells.length >= maxCells) throw new CsvLimitError('cells', recordLine, maxCells);
    cells.push(cell);
    cell = '';
    cellStarted = false;
  };
  const endRecord = () => {
    endCell();
    // Blank lines (one empty cell) are skipped, as spreadsheets do.
    if (!(cells.length === 1 && cells[0].trim() === '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    if (i - recordStart >= maxChars) throw new CsvLimitError('chars', recordLine, maxChars);
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else inQuotes = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && !cellStarted) {
      cell = '';
      inQuotes = true;
      cellStarted = true;
    } else if (char === sep) {
      endCell();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
      recordStart = i + 1;
    } else {
      cell += char;
      if (char !== ' ' && char !== '\t') cellStarted = true;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
};
