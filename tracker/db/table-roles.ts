/**
 * Every tracker table has one role, so the schema can be distributed by centre (Citus) unchanged.
 * The catalog test fails when a table has no role or breaks its role's rules; migration 009 uses
 * the same lists (011 distributes the lesson progress tables 010 adds, 012 the narrow counts).
 */

/** Small lookups: a copy on every node (Citus reference tables). */
export const referenceTables = ['country', 'centre', 'device', 'enrolment_code'] as const;

/**
 * Facts and rollups, distributed by centre: centre_id is the first column of the primary key and
 * is in every unique constraint and every foreign key to another fact table.
 */
export const factTables = [
  'person',
  'session',
  'attendance_event',
  'attendance',
  'sync_conflict',
  'sync_request',
  'reach_person_month',
  'reach_person',
  'reach_month_type_count',
  'reach_first_sex_count',
  'reach_first_band_count',
  'session_month_count',
  'lesson_step',
  'lesson_month_count',
] as const;

/** Fact tables partitioned by month (column named here); retention drops their old months. */
export const monthPartitionedTables = {
  attendance_event: 'session_date',
  attendance: 'session_date',
  reach_person_month: 'month',
} as const;

/** Tracker administration that never joins the facts: stays on one server (the coordinator). */
export const localTables = ['schema_migration', 'auth_attempt', 'staff_user', 'staff_session'] as const;
