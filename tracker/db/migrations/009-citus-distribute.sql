-- On a Citus coordinator (the citus extension created in this database, workers added), the
-- lookups become reference tables (a copy on every node) and the fact tables are distributed by
-- centre_id, all co-located: one centre's facts, rollups and idempotency rows share a shard, so a
-- sync batch stays on one worker. On plain PostgreSQL and PGlite this does nothing.
-- The lists match tracker/db/table-roles.ts (the catalog test checks both).
DO $$
DECLARE
  t text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    RETURN;
  END IF;
  -- Reference tables and distributed tables with foreign keys to them in one transaction.
  PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
  FOREACH t IN ARRAY ARRAY['country', 'centre', 'device', 'enrolment_code'] LOOP
    EXECUTE format('SELECT create_reference_table(%L)', t);
  END LOOP;
  EXECUTE 'SELECT create_distributed_table(''person'', ''centre_id'')';
  FOREACH t IN ARRAY ARRAY['session', 'attendance_event', 'attendance', 'sync_conflict', 'sync_request',
      'reach_person_month', 'reach_person', 'reach_month_count', 'reach_first_count', 'session_month_count'] LOOP
    EXECUTE format('SELECT create_distributed_table(%L, ''centre_id'', colocate_with => ''person'')', t);
  END LOOP;
END $$;
