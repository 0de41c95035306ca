import type { Queryable } from '../../../tracker/db/database';
import {
  factTables,
  localTables,
  monthPartitionedTables,
  referenceTables,
} from '../../../tracker/db/table-roles';

interface Constraint {
  table: string;
  name: string;
  type: 'p' | 'u' | 'f';
  columns: string[];
  target: string | null;
  target_columns: string[] | null;
}

const roleOf = (table: string) =>
  (factTables as readonly string[]).includes(table)
    ? 'fact'
    : (referenceTables as readonly string[]).includes(table)
      ? 'reference'
      : (localTables as readonly string[]).includes(table)
        ? 'local'
        : null;

/**
 * Reads the database catalog and lists every way the schema breaks the rules that let it be
 * distributed by centre: each table has a role; a fact table has centre_id first in its primary
 * key and in every unique constraint and every foreign key to another fact table, and refers to
 * no local table; the month-partitioned tables are partitioned by range on their month column
 * with one partition per month and no DEFAULT partition; no other table is partitioned.
 */
export const schemaViolations = async (db: Queryable): Promise<string[]> => {
  const tables = await db.query<{
    name: string;
    kind: string;
    partition_of: string | null;
    bound: string | null;
  }>(
    `SELECT c.relname AS name, c.relkind AS kind, p.relname AS partition_of,
       pg_get_expr(c.relpartbound, c.oid) AS bound
     FROM pg_class c
     LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = i.inhparent
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')`,
  );
  const constraints = await db.query<Constraint>(
    `SELECT t.relname AS table, k.conname AS name, k.contype AS type,
       (SELECT array_agg(a.attname::text ORDER BY u.n) FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, n)
          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) AS columns,
       f.relname AS target,
       (SELECT array_agg(a.attname::text ORDER BY u.n) FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, n)
          JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum) AS target_columns
     FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid LEFT JOIN pg_class f ON f.oid = k.confrelid
     WHERE t.relnamespace = 'public'::regnamespace AND k.contype IN ('p', 'u', 'f') AND k.conparentid = 0`,
  );
  const keys = await db.query<{ name: string; strategy: string; column: string }>(
    `SELECT c.relname AS name, pt.partstrat AS strategy, a.attname AS column
     FROM pg_partitioned_table pt JOIN pg_class c ON c.oid = pt.partrelid
     JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
     WHERE c.relnamespace = 'public'::regnamespace`,
  );
  const problems: string[] = [];
  const partitioned = monthPartitionedTables as Record<string, string>;
  for (const table of tables) {
    if (table.partition_of) {
      const match = /^FOR VALUES FROM \('(\d{4})-(\d{2})-01'\) TO \('(\d{4})-(\d{2})-01'\)$/.exec(
        table.bound ?? '',
      );
      const month = match ? `${match[1]}${match[2]}` : null;
      if (!month || table.name !== `${table.partition_of}_m${month}`)
        problems.push(`${table.name}: not a month partition of ${table.partition_of} (${table.bound})`);
      continue;
    }
    const role = roleOf(table.name);
    if (!role) {
      problems.push(`${table.name}: has no role (add it to tracker/db/table-roles.ts)`);
      continue;
    }
    const key = keys.find((k) => k.name === table.name);
    if (partitioned[table.name] && (key?.strategy !== 'r' || key.column !== partitioned[table.name]))
      problems.push(`${table.name}: not partitioned by range on ${partitioned[table.name]}`);
    if (!partitioned[table.name] && table.kind === 'p')
      problems.push(`${table.name}: partitioned without a role for it`);
    const own = constraints.filter((c) => c.table === table.name);
    if (!own.some((c) => c.type === 'p')) problems.push(`${table.name}: no primary key`);
    for (const c of own) {
      const targetRole = c.target ? roleOf(c.target) : null;
      if (role === 'fact') {
        if (c.type === 'p' && c.columns[0] !== 'centre_id')
          problems.push(`${table.name}: centre_id is not first in the primary key ${c.name}`);
        if (c.type === 'u' && !c.columns.includes('centre_id'))
          problems.push(`${table.name}: unique constraint ${c.name} without centre_id`);
        if (c.type === 'f' && targetRole === 'fact') {
          const at = c.columns.indexOf('centre_id');
          if (at < 0 || c.target_columns?.[at] !== 'centre_id')
            problems.push(`${table.name}: foreign key ${c.name} to fact table ${c.target} without centre_id`);
        }
        if (c.type === 'f' && targetRole !== 'fact' && targetRole !== 'reference')
          problems.push(
            `${table.name}: foreign key ${c.name} to ${c.target}, which is neither a fact nor a lookup`,
          );
      }
      if (role === 'reference' && c.type === 'f' && targetRole !== 'reference')
        problems.push(`${table.name}: lookup with a foreign key ${c.name} to ${c.target}, not a lookup`);
      if (role === 'local' && c.type === 'f' && targetRole !== 'local')
        problems.push(`${table.name}: local table with a foreign key ${c.name} to ${c.target}`);
    }
  }
  for (const table of factTables) {
    const has = await db.query(
      `SELECT 1 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       WHERE c.relname = $1 AND c.relnamespace = 'public'::regnamespace AND a.attname = 'centre_id' AND a.attnotnull`,
      [table],
    );
    if (has.length === 0) problems.push(`${table}: centre_id missing or nullable`);
  }
  for (const table of factTables)
    if (!tables.some((t) => t.name === table)) problems.push(`${table}: listed as a fact table but missing`);
  return problems.sort();
};
