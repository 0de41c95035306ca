import type { Queryable } from '../db/database';
import { placeCondition, type ReachFilters } from './reach-filters';

/** Raw (unsuppressed) counts from the rollups. Never leaves the tracker without suppress*(). */
export interface ReachCounts {
  totals: { person_type: string; reached: number; newly: number }[];
  byCentre: {
    country: string;
    country_name: string;
    centre: string;
    centre_name: string;
    person_type: string;
    reached: number;
  }[];
  bySex: { person_type: string; sex: string; reached: number }[];
  byAgeBand: { person_type: string; age_band: string; reached: number }[];
  byMonth: { month: string; person_type: string; reached: number }[];
  newlyByMonth: { month: string; person_type: string; newly: number }[];
  sessions: { activity_type: string; sessions: number }[];
}

/**
 * Reads the count rollups (tables of a few rows per centre and month, whatever the number of
 * attendance rows): exact distinct-people counts, because each person has one first month and
 * one row per month attended. Each query reads the narrowest table that has its columns.
 */
export const readReachCounts = async (db: Queryable, filters: ReachFilters): Promise<ReachCounts> => {
  const from = `${filters.from}-01`;
  const to = `${filters.to}-01`;
  const place = placeCondition(filters, 3);
  const params = [from, to, ...place.params];
  // Every query names $1 and $2 (a parameter no query uses has no type on the server).
  const upTo = `r.first_month <= $2::date AND $1::date <= $2::date${place.sql}`;
  const reached = `FROM reach_first_sex_count r JOIN centre c ON c.id = r.centre_id WHERE ${upTo}`;
  const q = <Row>(sql: string) => db.query<Row>(sql, params);
  const [totals, byCentre, bySex, byAgeBand, byMonth, newlyByMonth, sessions] = await Promise.all([
    q<ReachCounts['totals'][number]>(
      `SELECT r.person_type, sum(r.people)::int AS reached,
         coalesce(sum(r.people) FILTER (WHERE r.first_month >= $1::date), 0)::int AS newly
       ${reached} GROUP BY r.person_type`,
    ),
    q<ReachCounts['byCentre'][number]>(
      `SELECT c.country_code AS country, k.name AS country_name, c.code AS centre, c.name AS centre_name,
         r.person_type, sum(r.people)::int AS reached
       FROM reach_first_sex_count r JOIN centre c ON c.id = r.centre_id JOIN country k ON k.code = c.country_code
       WHERE ${upTo}
       GROUP BY c.country_code, k.name, c.code, c.name, r.person_type HAVING sum(r.people) > 0`,
    ),
    q<ReachCounts['bySex'][number]>(
      `SELECT r.person_type, r.sex, sum(r.people)::int AS reached ${reached} GROUP BY r.person_type, r.sex HAVING sum(r.people) > 0`,
    ),
    q<ReachCounts['byAgeBand'][number]>(
      `SELECT r.person_type, r.age_band, sum(r.people)::int AS reached
       FROM reach_first_band_count r JOIN centre c ON c.id = r.centre_id WHERE ${upTo}
       GROUP BY r.person_type, r.age_band HAVING sum(r.people) > 0`,
    ),
    q<ReachCounts['byMonth'][number]>(
      `SELECT to_char(m.month, 'YYYY-MM') AS month, m.person_type, sum(m.people)::int AS reached
       FROM reach_month_type_count m JOIN centre c ON c.id = m.centre_id
       WHERE m.month BETWEEN $1::date AND $2::date${place.sql}
       GROUP BY m.month, m.person_type`,
    ),
    q<ReachCounts['newlyByMonth'][number]>(
      `SELECT to_char(r.first_month, 'YYYY-MM') AS month, r.person_type, sum(r.people)::int AS newly
       FROM reach_first_sex_count r JOIN centre c ON c.id = r.centre_id
       WHERE r.first_month BETWEEN $1::date AND $2::date${place.sql}
       GROUP BY r.first_month, r.person_type`,
    ),
    q<ReachCounts['sessions'][number]>(
      `SELECT s.activity_type, sum(s.sessions)::int AS sessions
       FROM session_month_count s JOIN centre c ON c.id = s.centre_id
       WHERE s.month BETWEEN $1::date AND $2::date${place.sql}
       GROUP BY s.activity_type`,
    ),
  ]);
  return { totals, byCentre, bySex, byAgeBand, byMonth, newlyByMonth, sessions };
};
