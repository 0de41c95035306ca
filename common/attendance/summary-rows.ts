/**
 * The monthly summary as spreadsheet rows in a person's language: the CSV (renderer) and the
 * XLSX (main) are written from these same rows. Counts stay numbers; the month and the moment
 * the file was made are in local words ("noviembre de 2026", "26 nov 2026, 15:02").
 */
import type { CsvCell } from './csv-encode';
import type { MonthlySummary } from '../ipc/attendance-schemas';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';

/** "2026-11" → "noviembre de 2026" / "November 2026". */
export const monthLabel = (month: string, locale: Locale): string => {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1)),
  );
};

export const monthlySummaryRows = (
  summary: MonthlySummary,
  locale: Locale,
  made: { at: Date; timeZone?: string },
): CsvCell[][] => {
  const t = (key: string) => translate(locale, key);
  const section = (headKey: string, rows: { key: string; count: number }[]): CsvCell[][] => [
    [],
    [t(headKey), t('staff.ui.summary.count')],
    ...rows.map((row) => [t(row.key), row.count]),
  ];
  const madeAt = made.at.toLocaleString(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: made.timeZone,
  });
  return [
    [t('staff.ui.summary.month'), monthLabel(summary.month, locale)],
    [t('staff.ui.summary.sessions'), summary.sessionsHeld],
    [t('staff.ui.summary.people'), summary.peopleReached],
    [t('staff.ui.summary.attendances'), summary.attendances],
    [t('screens.summary.erased-count'), summary.erasedPeople],
    ...section(
      'staff.ui.summary.type',
      summary.byType.map((row) => ({ key: `staff.ui.type.${row.type}`, count: row.count })),
    ),
    ...section(
      'staff.ui.summary.sex',
      summary.bySex.map((row) => ({ key: `staff.ui.sex.${row.sex}`, count: row.count })),
    ),
    ...section(
      'staff.ui.summary.age-band',
      summary.byAgeBand.map((row) => ({ key: `staff.ui.age-band.${row.ageBand}`, count: row.count })),
    ),
    ...section(
      'staff.ui.sessions.activity',
      summary.sessionsByActivity.map((row) => ({
        key: `staff.ui.activity.${row.activityType}`,
        count: row.count,
      })),
    ),
    [],
    [t('summary-export.made-at'), madeAt],
  ];
};
