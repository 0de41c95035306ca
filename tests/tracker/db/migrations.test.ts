import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../tracker/db/database';
import { migrate, migrationFiles } from '../../../tracker/db/migrate';
import { openDatabase } from '../../../tracker/db/open-database';
import { factTables, referenceTables } from '../../../tracker/db/table-roles';
import { engineTitle, skipEngine } from '../helpers/engines';
import { createDatabase, startPostgres, type PostgresServer } from '../helpers/postgres-server';
import { testDatabases } from '../helpers/test-databases';

let postgres: PostgresServer;
let databases = 0;
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(() => postgres?.stop());

const fails = (db: Database, sql: string, params: unknown[] = []) =>
  db.query(sql, params).then(
    () => 'succeeded',
    () => 'failed',
  );

/** Wide count cells (migration 007's tables) for one centre in 2026-05, before migration 012. */
const fillWideCounts = async (db: Database, centreId: string) => {
  for (const [age, sex, people] of [
    ['8-11', 'male', 3],
    ['12-14', 'male', 4],
    ['12-14', 'female', 2],
  ] as const)
    await db.query(
      `INSERT INTO reach_first_count (centre_id, first_month, person_type, age_band, sex, people)
       VALUES ($1, '2026-05-01', 'learner', $2, $3, $4)`,
      [centreId, age, sex, people],
    );
  for (const [type, age, sex, people] of [
    ['learner', '8-11', 'male', 6],
    ['learner', '12-14', 'female', 5],
    ['teacher', '25-34', 'unknown', 1],
  ] as const)
    await db.query(
      `INSERT INTO reach_month_count (centre_id, month, person_type, age_band, sex, people)
       VALUES ($1, '2026-05-01', $2, $3, $4, $5)`,
      [centreId, type, age, sex, people],
    );
};

/** After 012: each narrow count is the wide one summed over the columns it leaves out. */
const expectNarrowCounts = async (db: Database, centreId: string) => {
  const read = (sql: string) =>
    db.query(`${sql} WHERE centre_id = $1 AND month = '2026-05-01' ORDER BY 1, 2`, [centreId]);
  expect(await read(`SELECT person_type, people FROM reach_month_type_count`)).toEqual([
    { person_type: 'learner', people: 11 },
    { person_type: 'teacher', people: 1 },
  ]);
  expect(
    await read(
      `SELECT person_type, sex, people FROM (SELECT *, first_month AS month FROM reach_first_sex_count) f`,
    ),
  ).toEqual([
    { person_type: 'learner', sex: 'female', people: 2 },
    { person_type: 'learner', sex: 'male', people: 7 },
  ]);
  expect(
    await read(
      `SELECT person_type, age_band, people FROM (SELECT *, first_month AS month FROM reach_first_band_count) f`,
    ),
  ).toEqual([
    { person_type: 'learner', age_band: '12-14', people: 6 },
    { person_type: 'learner', age_band: '8-11', people: 3 },
  ]);
  expect(await fails(db, 'SELECT 1 FROM reach_month_count')).toBe('failed');
  expect(await fails(db, 'SELECT 1 FROM reach_first_count')).toBe('failed');
  const cell = `INSERT INTO reach_first_band_count (centre_id, first_month, person_type, age_band, people)
    VALUES ($1, '2026-05-01', 'learner', '8-11', 1)`;
  expect(await fails(db, cell, [centreId])).toBe('failed');
};

describe.each(['postgres', 'pglite'] as const)('tracker migrations on %s', (engine) => {
  // One database, migrated one step per test: each test sees exactly its version applied.
  let shared: Database | null = null;
  const at = async (version: number) => {
    shared ??= await openDatabase(
      engine === 'postgres' ? await createDatabase(postgres, `migrations_${++databases}`) : 'memory://',
    );
    expect(await migrate(shared, version)).toEqual([version]);
    expect(migrationFiles()[version - 1].version).toBe(version);
    return shared;
  };
  afterAll(() => shared?.close());

  it('001 places: country codes are two capitals; centre codes are unique', async () => {
    const db = await at(1);
    await db.query(`INSERT INTO country (code, name) VALUES ('SV', 'El Salvador')`);
    expect(await fails(db, `INSERT INTO country (code, name) VALUES ('sv', 'x')`)).toBe('failed');
    const centre = `INSERT INTO centre (id, code, country_code, name) VALUES ($1, 'sv-uno', 'SV', 'Uno')`;
    await db.query(centre, [randomUUID()]);
    expect(await fails(db, centre, [randomUUID()])).toBe('failed');
    expect(
      await fails(db, `INSERT INTO centre (id, code, country_code, name) VALUES ($1, 'x-y', 'GT', 'n')`, [
        randomUUID(),
      ]),
    ).toBe('failed');
  }, 240_000);

  it('002 devices: codes and devices belong to a centre; a credential hash is unique', async () => {
    const db = await at(2);
    const [centre] = await db.query<{ id: string }>(`SELECT id::text FROM centre WHERE code = 'sv-uno'`);
    const centreId = centre?.id ?? randomUUID();
    if (!centre) {
      await db.query(`INSERT INTO country (code, name) VALUES ('SV', 'El Salvador')`);
      await db.query(`INSERT INTO centre (id, code, country_code, name) VALUES ($1, 'sv-uno', 'SV', 'Uno')`, [
        centreId,
      ]);
    }
    expect(
      await fails(
        db,
        `INSERT INTO enrolment_code (code_hash, centre_id, expires_at) VALUES ('h', $1, now())`,
        [randomUUID()],
      ),
    ).toBe('failed');
    const device = `INSERT INTO device (id, centre_id, credential_hash, bundle_key) VALUES ($1, $2, 'same', 'k')`;
    await db.query(device, [randomUUID(), centreId]);
    expect(await fails(db, device, [randomUUID(), centreId])).toBe('failed');
  }, 240_000);

  it('003 staff: usernames are plain; a deleted user loses their sessions', async () => {
    const db = await at(3);
    expect(
      await fails(db, `INSERT INTO staff_user (username, password_hash) VALUES ('Ana Pérez', 'x')`),
    ).toBe('failed');
    await db.query(`INSERT INTO staff_user (username, password_hash) VALUES ('monitoreo', 'x')`);
    await db.query(
      `INSERT INTO staff_session (token_hash, username, expires_at) VALUES ('t', 'monitoreo', now())`,
    );
    await db.query(`DELETE FROM staff_user WHERE username = 'monitoreo'`);
    expect(await db.query('SELECT * FROM staff_session')).toEqual([]);
  }, 240_000);

  it('004 sync facts: attendance is partitioned by date with centre_id in its key; one row per key', async () => {
    const db = await at(4);
    const [{ id }] = await db.query<{ id: string }>(`SELECT id::text FROM centre LIMIT 1`);
    const row = `INSERT INTO attendance (centre_id, session_date, attendance_id, session_id, person_id, person_type,
      age_band, activity_type, present, last_event_at, last_event_id)
      VALUES ($1, '2026-03-02', $2, $3, $3, 'learner', '8-11', 'coding-class', true, now(), $3)`;
    const attendanceId = randomUUID();
    await db.query(row, [id, attendanceId, randomUUID()]);
    expect(await fails(db, row, [id, attendanceId, randomUUID()])).toBe('failed');
    const [partition] = await db.query<{ name: string }>(
      'SELECT tableoid::regclass::text AS name FROM attendance',
    );
    expect(partition.name).toBe('attendance_default');
    const keys = await db.query<{ table_name: string; columns: string }>(
      `SELECT tc.table_name, string_agg(k.column_name, ',' ORDER BY k.ordinal_position) AS columns
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
       WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_name IN ('person', 'session', 'attendance', 'attendance_event', 'sync_conflict')
       GROUP BY tc.table_name`,
    );
    for (const key of keys) expect(key.columns.startsWith('centre_id'), key.table_name).toBe(true);
    expect(keys).toHaveLength(5);
  }, 240_000);

  it('005 reach rollups: one row per person and month, with at least one session', async () => {
    const db = await at(5);
    const [{ id }] = await db.query<{ id: string }>(`SELECT id::text FROM centre LIMIT 1`);
    const person = randomUUID();
    const row = `INSERT INTO reach_person_month (centre_id, month, person_id, person_type, age_band, sessions)
      VALUES ($1, '2026-03-01', $2, 'learner', '8-11', $3)`;
    await db.query(row, [id, person, 2]);
    expect(await fails(db, row, [id, person, 1])).toBe('failed');
    expect(await fails(db, row.replace('2026-03-01', '2026-04-01'), [id, person, 0])).toBe('failed');
  }, 240_000);

  it('006 monthly partitions: stored rows move into their month; no DEFAULT partition is left', async () => {
    const db = await at(6);
    const [attendance] = await db.query<{ name: string }>(
      'SELECT tableoid::regclass::text AS name FROM attendance',
    );
    expect(attendance.name).toBe('attendance_m202603');
    const [rollup] = await db.query<{ name: string }>(
      'SELECT tableoid::regclass::text AS name FROM reach_person_month',
    );
    expect(rollup.name).toBe('reach_person_month_m202603');
    const defaults = await db.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT'`,
    );
    expect(defaults).toEqual([]);
    const [{ id }] = await db.query<{ id: string }>(`SELECT id::text FROM centre LIMIT 1`);
    // A month without its partition is refused: the tracker creates months before it writes.
    expect(
      await fails(
        db,
        `INSERT INTO reach_person_month (centre_id, month, person_id, person_type, age_band, sessions)
         VALUES ($1, '2030-01-01', $2, 'learner', '8-11', 1)`,
        [id, randomUUID()],
      ),
    ).toBe('failed');
  }, 240_000);

  it('007 reach counts: filled from the rollups already stored; one row per cell', async () => {
    const db = await at(7);
    expect(
      await db.query(
        `SELECT to_char(month, 'YYYY-MM') AS month, person_type, sex, people FROM reach_month_count`,
      ),
    ).toEqual([{ month: '2026-03', person_type: 'learner', sex: 'unknown', people: 1 }]);
    const [{ id }] = await db.query<{ id: string }>(`SELECT id::text FROM centre LIMIT 1`);
    const cell = `INSERT INTO reach_first_count (centre_id, first_month, person_type, age_band, sex, people)
      VALUES ($1, '2026-04-01', 'learner', '8-11', 'female', 1)`;
    await db.query(cell, [id]);
    expect(await fails(db, cell, [id])).toBe('failed');
  }, 240_000);

  it('008 idempotency rows: the centre is part of the key and required', async () => {
    const db = await at(8);
    const [{ id }] = await db.query<{ id: string }>(`SELECT id::text FROM centre LIMIT 1`);
    const [device] = await db.query<{ id: string }>(`SELECT id::text FROM device LIMIT 1`);
    expect(
      await fails(
        db,
        `INSERT INTO sync_request (device_id, idempotency_key, body_hash) VALUES ($1, 'k', 'h')`,
        [device.id],
      ),
    ).toBe('failed');
    const row = `INSERT INTO sync_request (centre_id, device_id, idempotency_key, body_hash) VALUES ($1, $2, 'k', 'h')`;
    await db.query(row, [id, device.id]);
    expect(await fails(db, row, [id, device.id])).toBe('failed');
  }, 240_000);

  it('009 Citus distribution: nothing happens without the citus extension', async () => {
    const tables = (db: Database) =>
      db.query(
        `SELECT relname, relkind FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY 1`,
      );
    const before = shared ? await tables(shared) : [];
    const db = await at(9);
    expect(await tables(db)).toEqual(before);
    expect(await db.query(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`)).toEqual([]);
    expect(await migrate(db, 9)).toEqual([]);
  }, 240_000);

  it('012 narrow counts: the wide counts summed to the columns the report reads; the wide tables go', async () => {
    const wide = shared as Database;
    await migrate(wide, 11); // 010 and 011 (lesson progress) come first
    const [{ id }] = await wide.query<{ id: string }>(`SELECT id::text FROM centre LIMIT 1`);
    await fillWideCounts(wide, id);
    const db = await at(12);
    await expectNarrowCounts(db, id);
  }, 240_000);
});

describe.skipIf(skipEngine('citus'))(engineTitle('tracker migrations on citus', 'citus'), () => {
  const databases = testDatabases();
  afterAll(() => databases.stop());

  it('009 Citus distribution: facts distributed by centre_id and co-located, lookups on every node', async () => {
    const db = await databases.open('citus');
    expect(await migrate(db)).toEqual(migrationFiles().map((file) => file.version));
    const rows = await db.query<{ name: string; method: string; column: string | null; colocation: number }>(
      `SELECT logicalrelid::text AS name, partmethod AS method, colocationid AS colocation,
         CASE WHEN partmethod = 'h' THEN column_to_column_name(logicalrelid, partkey) END AS column
       FROM pg_dist_partition ORDER BY 1`,
    );
    const facts = rows.filter((row) => row.method === 'h');
    expect(facts.map((row) => row.name).sort()).toEqual([...factTables].sort());
    expect(new Set(facts.map((row) => row.column))).toEqual(new Set(['centre_id']));
    expect(new Set(facts.map((row) => row.colocation)).size).toBe(1);
    expect(
      rows
        .filter((row) => row.method === 'n')
        .map((row) => row.name)
        .sort(),
    ).toEqual([...referenceTables].sort());
  }, 600_000);

  it('012 narrow counts on Citus: distributed with the other facts and filled from the wide counts', async () => {
    const db = await databases.open('citus');
    await migrate(db, 11);
    const id = randomUUID();
    await db.query(`INSERT INTO country (code, name) VALUES ('SV', 'El Salvador')`);
    await db.query(`INSERT INTO centre (id, code, country_code, name) VALUES ($1, 'sv-uno', 'SV', 'Uno')`, [
      id,
    ]);
    await fillWideCounts(db, id);
    expect(await migrate(db)).toEqual(
      migrationFiles()
        .map((file) => file.version)
        .filter((v) => v > 11),
    );
    await expectNarrowCounts(db, id);
  }, 600_000);
});
