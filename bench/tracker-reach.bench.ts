/**
 * Reach query on PostgreSQL with many attendance rows (default 10 million; CHISPA_BENCH_REACH_ROWS
 * to change): rows generated with generate_series, rollups built as the sync builds them, then
 * the dashboard's whole reach report timed (p50/p95) for the programme, one country and one centre.
 */
import { performance } from 'node:perf_hooks';
import { migrate } from '../tracker/db/migrate';
import { openDatabase } from '../tracker/db/open-database';
import { reachReport } from '../tracker/reach/reach-report';
import { createDatabase, startPostgres } from '../tests/tracker/helpers/postgres-server';

const rows = Number(process.env.CHISPA_BENCH_REACH_ROWS ?? 10_000_000);
const people = Math.max(1000, Math.round(rows / 10));
const label = rows >= 1_000_000 ? `${rows / 1_000_000}M` : `${rows / 1000}k`;
const centres = 200;

const server = await startPostgres();
try {
  const db = await openDatabase(await createDatabase(server, 'reach_bench'));
  await migrate(db);
  const load = performance.now();
  // Cheap deterministic UUIDs (hex of a number) keep generation fast; md5 per row was the bottleneck.
  const uuid = (prefix: string, n: string) =>
    `('${prefix}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
  await db.exec(`
    INSERT INTO country (code, name) VALUES ('SV', 'El Salvador'), ('GT', 'Guatemala'), ('HN', 'Honduras'), ('CO', 'Colombia');
    INSERT INTO centre (id, code, country_code, name)
      SELECT ${uuid('0000000c', 'k')}, 'centro-' || k, (ARRAY['SV','GT','HN','CO'])[1 + k % 4], 'Centro ' || k
      FROM generate_series(0, ${centres - 1}) AS k;
    INSERT INTO attendance (centre_id, session_date, attendance_id, session_id, person_id, person_type, age_band,
        sex, activity_type, present, last_event_at, last_event_id)
      SELECT ${uuid('0000000c', `p % ${centres}`)}, d, ${uuid('0000000a', 'i')},
        ${uuid('00000005', `(p % ${centres}) * 100000 + (d - date '2025-01-01')`)}, ${uuid('00000009', 'p')},
        CASE WHEN p % 10 < 7 THEN 'learner' WHEN p % 10 < 9 THEN 'caregiver' ELSE 'teacher' END,
        (ARRAY['8-11','12-14','15-17','25-34','35-44'])[1 + p % 5],
        (ARRAY['female','male','other',NULL])[1 + p % 4],
        (ARRAY['robotics-class','coding-class','digital-safety-family','teacher-training'])[1 + p % 4],
        true, now(), ${uuid('0000000e', 'i')}
      FROM (SELECT i, (i * 7919) % ${people} AS p, date '2025-01-06' + ((i / ${people}) * 30 + ((i * 7919) % ${people}) % 24)::int AS d
            FROM generate_series(0::bigint, ${rows - 1}) AS i) g;
    INSERT INTO session (centre_id, session_id, session_date, activity_type, content_hash)
      SELECT DISTINCT ON (centre_id, session_id) centre_id, session_id, session_date, activity_type, 'bench'
      FROM attendance ORDER BY centre_id, session_id;
    INSERT INTO reach_person_month (centre_id, month, person_id, person_type, age_band, sex, sessions)
      SELECT centre_id, date_trunc('month', session_date)::date, person_id, max(person_type), max(age_band), max(sex), count(*)
      FROM attendance WHERE present GROUP BY 1, 2, 3;
    INSERT INTO reach_person (centre_id, person_id, first_month, person_type, age_band, sex)
      SELECT centre_id, person_id, min(month), max(person_type), max(age_band), max(sex)
      FROM reach_person_month GROUP BY 1, 2;
    ANALYZE;
  `);
  const [{ count }] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM attendance');
  console.log(
    `# ${count} attendance rows, ${people} people, loaded in ${((performance.now() - load) / 1000).toFixed(0)} s`,
  );

  const filters = [
    { from: '2025-01', to: '2025-12' },
    { from: '2025-01', to: '2025-12', country: 'GT' },
    { from: '2025-03', to: '2025-08', centre: 'centro-17' },
  ];
  const times: number[] = [];
  for (let run = 0; run < 30; run += 1) {
    const started = performance.now();
    await reachReport(db, filters[run % filters.length]);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  console.log(`bench: reach.${label}.postgres.p50 = ${at(50).toFixed(0)} ms`);
  console.log(`bench: reach.${label}.postgres.p95 = ${at(95).toFixed(0)} ms`);
  await db.close();
} finally {
  await server.stop();
}
