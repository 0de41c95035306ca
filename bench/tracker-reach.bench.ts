/**
 * Reach query with many attendance rows (CHISPA_BENCH_REACH_ROWS, comma-separated, default
 * 1, 3 and 10 million) on PostgreSQL 15 and on a 3-node Citus cluster on this one machine
 * (CHISPA_BENCH_ENGINES=postgres,citus). Rows are generated with generate_series straight into
 * the monthly partitions (the by-person index built after the load, as a bulk load would);
 * person attributes vary within each centre, so the count tables hold every combination; the person rollups and the counts are then built with the same
 * definitions the sync keeps them by (GROUP BY over the facts, as migration 007 backfills), and
 * the dashboard's whole reach report is timed (p50/p95) for the programme, one country and one
 * centre. Each figure is printed with the load average of the machine at that moment.
 */
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { migrate } from '../tracker/db/migrate';
import { createMonthPartitions } from '../tracker/db/month-partitions';
import { openDatabase } from '../tracker/db/open-database';
import { reachReport } from '../tracker/reach/reach-report';
import { createCitusDatabase, startCitusCluster } from '../tests/tracker/helpers/citus-cluster';
import { createDatabase, startPostgres } from '../tests/tracker/helpers/postgres-server';

const sizes = (process.env.CHISPA_BENCH_REACH_ROWS ?? '1000000,3000000,10000000').split(',').map(Number);
const engines = (process.env.CHISPA_BENCH_ENGINES ?? 'postgres,citus').split(',');
const centres = 200;
const load = () => loadavg()[0].toFixed(1);

type Server = { url: string; stop(): Promise<void> };
const startEngine = async (engine: string, name: string): Promise<Server> => {
  if (engine === 'citus') {
    const cluster = await startCitusCluster({ shardCount: 32 });
    return { url: await createCitusDatabase(cluster, name), stop: cluster.stop };
  }
  const server = await startPostgres(['shared_buffers=256MB', 'work_mem=32MB']);
  return { url: await createDatabase(server, name), stop: server.stop };
};

for (const engine of engines)
  for (const rows of sizes) {
    const people = Math.max(1000, Math.round(rows / 10));
    const label = rows >= 1_000_000 ? `${rows / 1_000_000}M` : `${rows / 1000}k`;

    const server = await startEngine(engine, 'reach_bench');
    try {
      const db = await openDatabase(server.url);
      await migrate(db);
      await createMonthPartitions(
        db,
        Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`),
      );
      const loadStarted = performance.now();
      // Cheap deterministic UUIDs (hex of a number) keep generation fast; md5 per row was the bottleneck.
      const uuid = (prefix: string, n: string) =>
        `('${prefix}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
      const script = `
    INSERT INTO country (code, name) VALUES ('SV', 'El Salvador'), ('GT', 'Guatemala'), ('HN', 'Honduras'), ('CO', 'Colombia');
    INSERT INTO centre (id, code, country_code, name)
      SELECT ${uuid('0000000c', 'k')}, 'centro-' || k, (ARRAY['SV','GT','HN','CO'])[1 + k % 4], 'Centro ' || k
      FROM generate_series(0, ${centres - 1}) AS k;
    DROP INDEX attendance_by_person;
    INSERT INTO attendance (centre_id, session_date, attendance_id, session_id, person_id, person_type, age_band,
        sex, activity_type, present, last_event_at, last_event_id)
      SELECT ${uuid('0000000c', `p % ${centres}`)}, d, ${uuid('0000000a', 'i')},
        ${uuid('00000005', `(p % ${centres}) * 100000 + (d - date '2025-01-01')`)}, ${uuid('00000009', 'p')},
        CASE WHEN q % 10 < 7 THEN 'learner' WHEN q % 10 < 9 THEN 'caregiver' ELSE 'teacher' END,
        (ARRAY['8-11','12-14','15-17','25-34','35-44'])[1 + (q / 10) % 5],
        (ARRAY['female','male','other',NULL])[1 + (q / 50) % 4],
        (ARRAY['robotics-class','coding-class','digital-safety-family','teacher-training'])[1 + p % 4],
        true, now(), ${uuid('0000000e', 'i')}
      FROM (SELECT i, (i * 7919) % ${people} AS p, ((i * 7919) % ${people}) / ${centres} AS q, date '2025-01-06' + ((i / ${people}) * 30 + ((i * 7919) % ${people}) % 24)::int AS d
            FROM generate_series(0::bigint, ${rows - 1}) AS i) g;
    CREATE INDEX attendance_by_person ON attendance (centre_id, person_id, session_date);
    INSERT INTO session (centre_id, session_id, session_date, activity_type, content_hash)
      SELECT DISTINCT ON (centre_id, session_id) centre_id, session_id, session_date, activity_type, 'bench'
      FROM attendance ORDER BY centre_id, session_id;
    INSERT INTO reach_person_month (centre_id, month, person_id, person_type, age_band, sex, sessions)
      SELECT centre_id, date_trunc('month', session_date)::date, person_id, max(person_type), max(age_band), max(sex), count(*)
      FROM attendance WHERE present GROUP BY 1, 2, 3;
    INSERT INTO reach_person (centre_id, person_id, first_month, person_type, age_band, sex)
      SELECT centre_id, person_id, min(month), max(person_type), max(age_band), max(sex)
      FROM reach_person_month GROUP BY 1, 2;
    INSERT INTO reach_month_count (centre_id, month, person_type, age_band, sex, people)
      SELECT centre_id, month, person_type, age_band, coalesce(sex, 'unknown'), count(*)
      FROM reach_person_month GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO reach_first_count (centre_id, first_month, person_type, age_band, sex, people)
      SELECT centre_id, first_month, person_type, age_band, coalesce(sex, 'unknown'), count(*)
      FROM reach_person GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO session_month_count (centre_id, month, activity_type, sessions)
      SELECT centre_id, date_trunc('month', session_date)::date, activity_type, count(*)
      FROM session GROUP BY 1, 2, 3;
    ANALYZE;
  `;
      // One statement at a time: Citus runs each distributed statement on its own.
      for (const statement of script.split(/;\s*\n/).filter((text) => text.trim())) await db.exec(statement);
      const [{ count }] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM attendance');
      console.log(
        `# ${count} attendance rows, ${people} people, loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s (load average ${load()})`,
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
      console.log(`bench: reach.${label}.${engine}.p50 = ${at(50).toFixed(0)} ms (load average ${load()})`);
      console.log(`bench: reach.${label}.${engine}.p95 = ${at(95).toFixed(0)} ms (load average ${load()})`);
      await db.close();
    } finally {
      await server.stop();
    }
  }
