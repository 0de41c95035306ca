import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv } from '../../../common/attendance/csv-parse';

describe('roster CSV parser', () => {
  it('strips the BOM and detects ; as Spanish-locale Excel writes it', () => {
    const text = '\uFEFFnombre;tipo\r\n"Peña, Ana";estudiante\r\n';
    expect(detectSeparator(text.slice(1))).toBe(';');
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['nombre', 'tipo'] },
      { line: 2, cells: ['Peña, Ana', 'estudiante'] },
    ]);
  });

  it('detects , and handles doubled quotes and line breaks inside quotes, keeping line numbers', () => {
    const text = 'name,type\n"Ana ""la profe""",teacher\n"Two\nlines",caregiver\n\nLast,learner';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['name', 'type'] },
      { line: 2, cells: ['Ana "la profe"', 'teacher'] },
      { line: 3, cells: ['Two\nlines', 'caregiver'] },
      { line: 6, cells: ['Last', 'learner'] },
    ]);
  });

  it('returns nothing for an empty file', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });
});
