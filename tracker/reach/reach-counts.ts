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

export const readReachCounts = async (db: Queryable, filters: ReachFilters): Promise<ReachCounts> => {
  const from = `${filters.from}-01`;
  const to = `${filters.to}-01`;
  const place = placeCondition(filters, 3);
  const params = [from, to, ...place.params];
  // Every query names $1 and $2 (a parameter no query uses has no type on the server).
  const upTo = `r.first_month <= $2::date AND $1::date <= $2::date${place.sql}`;
  const reached = `FROM reach_person r JOIN centre c ON c.id = r.centre_id WHERE ${upTo}`;
  const q = <Row>(sql: string) => db.query<Row>(sql, params);
  const [totals, byCentre, bySex, byAgeBand, byMonth, newlyByMonth, sessions] = await Promise.all([
    q<ReachCounts['totals'][number]>(
      `SELECT r.person_type, count(*)::int AS reached,
         count(*) FILTER (WHERE r.first_month >= $1::date)::int AS newly
       ${reached} GROUP BY r.person_type`,
    ),
    q<ReachCounts['byCentre'][number]>(
      `SELECT c.country_code AS country, k.name AS country_name, c.code AS centre, c.name AS centre_name,
         r.person_type, count(*)::int AS reached
       FROM reach_person r JOIN centre c ON c.id = r.centre_id JOIN country k ON k.code = c.country_code
       WHERE ${upTo}
       GROUP BY c.country_code, k.name, c.code, c.name, r.person_type`,
    ),
    q<ReachCounts['bySex'][number]>(
      `SELECT r.person_type, coalesce(r.sex, 'unknown') AS sex, count(*)::int AS reached
       ${reached} GROUP BY r.person_type, coalesce(r.sex, 'unknown')`,
    ),
    q<ReachCounts['byAgeBand'][number]>(
      `SELECT r.person_type, r.age_band, count(*)::int AS reached ${reached} GROUP BY r.person_type, r.age_band`,
    ),
    q<ReachCounts['byMonth'][number]>(
      `SELECT to_char(m.month, 'YYYY-MM') AS month, m.person_type, count(*)::int AS reached
       FROM reach_person_month m JOIN centre c ON c.id = m.centre_id
       WHERE m.month BETWEEN $1::date AND $2::date${place.sql}
       GROUP BY m.month, m.person_type`,
    ),
    q<ReachCounts['newlyByMonth'][number]>(
      `SELECT to_char(r.first_month, 'YYYY-MM') AS month, r.person_type, count(*)::int AS newly
       FROM reach_person r JOIN centre c ON c.id = r.centre_id
       WHERE r.first_month BETWEEN $1::date AND $2::date${place.sql}
       GROUP BY r.first_month, r.person_type`,
    ),
    q<ReachCounts['sessions'][number]>(
      `SELECT s.activity_type, count(*)::int AS sessions
       FROM session s JOIN centre c ON c.id = s.centre_id
       WHERE s.session_date >= $1::date AND s.session_date < ($2::date + interval '1 month')::date${place.sql}
       GROUP BY s.activity_type`,
    ),
  ]);
  return { totals, byCentre, bySex, byAgeBand, byMonth, newlyByMonth, sessions };
};
