import { encodeCsv, type CsvCell } from '../../common/attendance/csv-encode';
import type { Count } from './suppress';
import type { ReachReport } from './reach-report';

const shown = (count: Count): CsvCell => (count === null ? '<5' : count);

/** Lessons completed and steps passed: two lines per cell, suppressed like the page. */
const lessonLines = (report: ReachReport): CsvCell[][] => {
  const lessons = report.lessons;
  if (!lessons) return [];
  const both = (
    table: string,
    country: string,
    centre: string,
    month: string,
    cell: { lessons: Count; steps: Count },
  ) => [
    [table, country, centre, month, '', 'lessons_completed', '', shown(cell.lessons)],
    [table, country, centre, month, '', 'steps_passed', '', shown(cell.steps)],
  ];
  return [
    ...both('lessons', '', '', `${report.filters.from}..${report.filters.to}`, lessons.totals),
    ...lessons.byCentre.flatMap((c) => both('lessons_by_centre', c.country, c.centreName, '', c)),
    ...lessons.byMonth.flatMap((m) => both('lessons_in_month', '', '', m.month, m)),
  ];
};

/**
 * The report as one long CSV table (UTF-8 with BOM, formula-safe): one line per published cell,
 * with the same suppression as the page and the API.
 */
export const reachCsv = (report: ReachReport): string =>
  encodeCsv([
    ['table', 'country', 'centre', 'month', 'person_type', 'dimension', 'value', 'count'],
    ...report.totals.flatMap((t) => [
      [
        'reached',
        '',
        '',
        report.filters.to,
        t.personType,
        'target',
        report.targets[t.personType],
        shown(t.reached),
      ],
      [
        'newly_reached',
        '',
        '',
        `${report.filters.from}..${report.filters.to}`,
        t.personType,
        '',
        '',
        shown(t.newlyReached),
      ],
    ]),
    ...report.byCountry.map((c) => ['by_country', c.country, '', '', c.personType, '', '', shown(c.reached)]),
    ...report.byCentre.map((c) => [
      'by_centre',
      c.country,
      c.centreName,
      '',
      c.personType,
      '',
      '',
      shown(c.reached),
    ]),
    ...report.bySex.map((s) => ['by_sex', '', '', '', s.personType, 'sex', s.sex, shown(s.reached)]),
    ...report.byAgeBand.map((s) => [
      'by_age_band',
      '',
      '',
      '',
      s.personType,
      'age_band',
      s.ageBand,
      shown(s.reached),
    ]),
    ...report.byMonth.flatMap((m) => [
      ['reached_in_month', '', '', m.month, m.personType, '', '', shown(m.reached)],
      ['newly_reached_in_month', '', '', m.month, m.personType, '', '', shown(m.newlyReached)],
    ]),
    ...report.sessionsByActivity.map((s) => [
      'sessions',
      '',
      '',
      '',
      '',
      'activity_type',
      s.activityType,
      shown(s.sessions),
    ]),
    ...lessonLines(report),
  ]);
