import { describe, expect, it } from 'vitest';
import {
  encodeCsv,
  encodeCsvCell,
  encodeCsvRow,
  neutraliseFormula,
} from '../../../common/attendance/csv-encode';
import { parseCsv } from '../../../common/attendance/csv-parse';

describe('CSV encoding for exports', () => {
  it.each(['=1+1', '+34 600', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x","y")'])(
    'neutralises a cell starting with a formula character: %j',
    (text) => {
      const cell = encodeCsvCell(text);
      const value = parseCsv(cell + '\r\n', ',')[0].cells[0];
      expect(value.startsWith("'")).toBe(true);
      expect(value.slice(1)).toBe(text);
    },
  );

  it('leaves ordinary text and real numbers alone (a negative number is data)', () => {
    expect(encodeCsvCell('José Peña')).toBe('José Peña');
    expect(encodeCsvCell(-5)).toBe('-5');
    expect(encodeCsvCell(2014)).toBe('2014');
    expect(encodeCsvCell(null)).toBe('');
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });

  it('quotes separators, quotes and line breaks, and round-trips through the parser', () => {
    const row = ['a,b', 'say "hi"', 'line\nbreak', ' padded ', 'plain'];
    expect(encodeCsvRow(row)).toBe('"a,b","say ""hi""","line\nbreak"," padded ",plain\r\n');
    expect(parseCsv(encodeCsvRow(row))[0].cells).toEqual(row);
  });

  it('starts the document with a UTF-8 BOM and ends lines with CRLF', () => {
    const text = encodeCsv([['nombre'], ['Ñandú']]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('nombre\r\nÑandú\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes with the given separator (Spanish Excel uses ;)', () => {
    expect(encodeCsvRow(['a;b', 'c,d'], ';')).toBe('"a;b";c,d\r\n');
  });
});
