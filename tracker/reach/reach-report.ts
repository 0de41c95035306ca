import { personTypeSchema, type PersonType } from '../../common/ipc/attendance-schemas';
import type { Queryable } from '../db/database';
import type { ReachCounts } from './reach-counts';
import { readReachCounts } from './reach-counts';
import type { ReachFilters } from './reach-filters';
import { suppressCell, suppressGroup, type Count } from './suppress';
import { lessonCounts, type LessonCounts } from './lesson-counts';

/** The programme's reach targets: children and adolescents, teachers, parents and caregivers. */
export const reachTargets: Record<PersonType, number> = {
  learner: 700_000,
  teacher: 70_000,
  caregiver: 200_000,
};
const personTypes = personTypeSchema.options;

/** Aggregates only, every count already suppressed (null = fewer than 5). */
export interface ReachReport {
  filters: ReachFilters;
  targets: Record<PersonType, number>;
  totals: { personType: PersonType; reached: Count; newlyReached: Count }[];
  byCountry: { country: string; countryName: string; personType: PersonType; reached: Count }[];
  byCentre: { country: string; centre: string; centreName: string; personType: PersonType; reached: Count }[];
  bySex: { personType: PersonType; sex: string; reached: Count }[];
  byAgeBand: { personType: PersonType; ageBand: string; reached: Count }[];
  byMonth: { month: string; personType: PersonType; reached: Count; newlyReached: Count }[];
  sessionsByActivity: { activityType: string; sessions: Count }[];
  /** Lessons completed and steps passed by centre and month (lesson-counts.ts). */
  lessons?: LessonCounts;
}

/** Applies a suppressed group back onto its rows. */
const grouped = <Row>(rows: Row[], value: (row: Row) => number, parentHidden: boolean) => {
  const counts = suppressGroup(rows.map(value), parentHidden);
  return rows.map((row, index) => ({ row, count: counts[index] }));
};

const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  while (`${year}-${String(month).padStart(2, '0')}` <= to) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
};

export const buildReachReport = (filters: ReachFilters, counts: ReachCounts): ReachReport => {
  const report: ReachReport = {
    filters,
    targets: reachTargets,
    totals: [],
    byCountry: [],
    byCentre: [],
    bySex: [],
    byAgeBand: [],
    byMonth: [],
    sessionsByActivity: counts.sessions
      .sort((a, b) => a.activity_type.localeCompare(b.activity_type))
      .map((s) => ({ activityType: s.activity_type, sessions: suppressCell(s.sessions) })),
  };
  for (const personType of personTypes) {
    const total = counts.totals.find((t) => t.person_type === personType) ?? { reached: 0, newly: 0 };
    const reached = suppressCell(total.reached);
    const newly = suppressCell(total.newly);
    report.totals.push({ personType, reached, newlyReached: newly });

    const centres = counts.byCentre.filter((c) => c.person_type === personType);
    const countries = [...new Map(centres.map((c) => [c.country, c.country_name])).entries()].sort();
    const countryCells = grouped(
      countries,
      ([code]) => centres.filter((c) => c.country === code).reduce((sum, c) => sum + c.reached, 0),
      reached === null,
    );
    for (const {
      row: [country, countryName],
      count,
    } of countryCells) {
      report.byCountry.push({ country, countryName, personType, reached: count });
      const inCountry = centres
        .filter((c) => c.country === country)
        .sort((a, b) => a.centre.localeCompare(b.centre));
      for (const { row, count: centreCount } of grouped(inCountry, (c) => c.reached, count === null))
        report.byCentre.push({
          country,
          centre: row.centre,
          centreName: row.centre_name,
          personType,
          reached: centreCount,
        });
    }

    const sexes = counts.bySex
      .filter((s) => s.person_type === personType)
      .sort((a, b) => a.sex.localeCompare(b.sex));
    for (const { row, count } of grouped(sexes, (s) => s.reached, reached === null))
      report.bySex.push({ personType, sex: row.sex, reached: count });

    const bands = counts.byAgeBand
      .filter((s) => s.person_type === personType)
      .sort((a, b) => a.age_band.localeCompare(b.age_band, 'en', { numeric: true }));
    for (const { row, count } of grouped(bands, (s) => s.reached, reached === null))
      report.byAgeBand.push({ personType, ageBand: row.age_band, reached: count });

    const months = monthsBetween(filters.from, filters.to);
    const newlyCells = suppressGroup(
      months.map(
        (m) => counts.newlyByMonth.find((n) => n.month === m && n.person_type === personType)?.newly ?? 0,
      ),
      newly === null,
    );
    months.forEach((month, index) => {
      const inMonth =
        counts.byMonth.find((n) => n.month === month && n.person_type === personType)?.reached ?? 0;
      report.byMonth.push({
        month,
        personType,
        reached: suppressCell(inMonth),
        newlyReached: newlyCells[index],
      });
    });
  }
  return report;
};

export const reachReport = async (db: Queryable, filters: ReachFilters): Promise<ReachReport> => ({
  ...buildReachReport(filters, await readReachCounts(db, filters)),
  lessons: await lessonCounts(db, filters),
});
