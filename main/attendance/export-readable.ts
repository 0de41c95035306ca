/**
 * Exports for people (opened in Excel or LibreOffice): headers and values in the user's language,
 * check-in times in local time, and the separator that locale's spreadsheet expects (Excel in a
 * Spanish locale splits CSV columns on ";", in English on ","). Without a language the export
 * keeps the stable machine form (English column ids, codes, UTC times) for the tracker and scripts.
 */
import type { CsvCell } from '../../common/attendance/csv-encode';
import type { Locale } from '../../common/i18n/locale';
import { translate } from '../../common/i18n/translate';
import { exportHeader } from './export-rows';

export const csvSeparatorFor = (locale: Locale | null): string => (locale === 'es' ? ';' : ',');

/** An ISO instant as "YYYY-MM-DD HH:MM" in a time zone (default: this computer's). */
export const localDateTime = (iso: string, timeZone?: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
};

/** Locale key for a coded value in a column, or null when the value is shown as it is. */
const valueKey = (column: string, value: string): string | null => {
  switch (column) {
    case 'activity_type':
      return `staff.ui.activity.${value}`;
    case 'person_type':
      return value === 'unknown' ? 'screens.export.erased' : `staff.ui.type.${value}`;
    case 'age_band':
      return `staff.ui.age-band.${value}`;
    case 'sex':
      return value === '' ? null : `staff.ui.sex.${value}`;
    case 'consent_state':
      return value === 'unknown' ? 'screens.export.erased' : `staff.ui.consent-state.${value}`;
    default:
      return null;
  }
};

export interface ReadableExport {
  header: string[];
  separator: string;
  row(cells: CsvCell[]): CsvCell[];
}

export const readableExport = (locale: Locale, named: boolean, timeZone?: string): ReadableExport => {
  const columns = exportHeader(named);
  return {
    header: columns.map((column) => translate(locale, `screens.export.column.${column}`)),
    separator: csvSeparatorFor(locale),
    row: (cells) =>
      cells.map((cell, index) => {
        const column = columns[index] ?? '';
        if (column === 'checked_in_at' && typeof cell === 'string') return localDateTime(cell, timeZone);
        const key = typeof cell === 'string' ? valueKey(column, cell) : null;
        return key ? translate(locale, key) : cell;
      }),
  };
};
