/**
 * Lessons completed and steps passed, by centre and month, from the lesson_month_count rollup
 * (docs/tracker.md, "Lesson progress"). Suppressed like every other count: the totals on their
 * own, the centres and the months each as a group under their total.
 */
import type { Queryable } from '../db/database';
import { placeCondition, type ReachFilters } from './reach-filters';
import { suppressCell, suppressGroup, type Count } from './suppress';

export interface LessonCounts {
  totals: { lessons: Count; steps: Count };
  byCentre: { country: string; centre: string; centreName: string; lessons: Count; steps: Count }[];
  byMonth: { month: string; lessons: Count; steps: Count }[];
}

interface Row {
  country: string;
  centre: string;
  centre_name: string;
  month: string;
  lessons: number;
  steps: number;
}

const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  for (let [y, m] = from.split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= to;) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
};

const sum = (rows: Row[], key: 'lessons' | 'steps') => rows.reduce((total, row) => total + row[key], 0);

export const buildLessonCounts = (filters: ReachFilters, rows: Row[]): LessonCounts => {
  const totals = { lessons: suppressCell(sum(rows, 'lessons')), steps: suppressCell(sum(rows, 'steps')) };
  const centres = [...new Map(rows.map((r) => [r.centre, r])).values()].sort((a, b) =>
    a.centre.localeCompare(b.centre),
  );
  const perCentre = (key: 'lessons' | 'steps') =>
    suppressGroup(
      centres.map((c) =>
        sum(
          rows.filter((r) => r.centre === c.centre),
          key,
        ),
      ),
      totals[key] === null,
    );
  const [centreLessons, centreSteps] = [perCentre('lessons'), perCentre('steps')];
  const months = monthsBetween(filters.from, filters.to);
  const perMonth = (key: 'lessons' | 'steps') =>
    suppressGroup(
      months.map((m) =>
        sum(
          rows.filter((r) => r.month === m),
          key,
        ),
      ),
      totals[key] === null,
    );
  const [monthLessons, monthSteps] = [perMonth('lessons'), perMonth('steps')];
  return {
    totals,
    byCentre: centres.map((c, i) => ({
      country: c.country,
      centre: c.centre,
      centreName: c.centre_name,
      lessons: centreLessons[i],
      steps: centreSteps[i],
    })),
    byMonth: months.map((month, i) => ({ month, lessons: monthLessons[i], steps: monthSteps[i] })),
  };
};

export const lessonCounts = async (db: Queryable, filters: ReachFilters): Promise<LessonCounts> => {
  const place = placeCondition(filters, 3);
  const rows = await db.query<Row>(
    `SELECT c.country_code AS country, c.code AS centre, c.name AS centre_name,
       to_char(l.month, 'YYYY-MM') AS month, sum(l.lessons)::int AS lessons, sum(l.steps)::int AS steps
     FROM lesson_month_count l JOIN centre c ON c.id = l.centre_id
     WHERE l.month BETWEEN $1::date AND $2::date${place.sql}
     GROUP BY c.country_code, c.code, c.name, l.month HAVING sum(l.steps) > 0`,
    [`${filters.from}-01`, `${filters.to}-01`, ...place.params],
  );
  return buildLessonCounts(filters, rows);
};
