-- The lesson progress tables of 010: on a Citus coordinator (see 009) distributed by centre and
-- co-located with the other facts (Citus distributes tables an earlier transaction made, and a
-- table with a foreign key to a reference table cannot wait local); then, on every engine, their
-- foreign keys to centre. Statements run one by one through EXECUTE, as in 009.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
    PERFORM create_distributed_table('lesson_step', 'centre_id', colocate_with => 'person');
    PERFORM create_distributed_table('lesson_month_count', 'centre_id', colocate_with => 'person');
  END IF;
  EXECUTE 'ALTER TABLE lesson_step ADD CONSTRAINT lesson_step_centre_id_fkey
    FOREIGN KEY (centre_id) REFERENCES centre (id)';
  EXECUTE 'ALTER TABLE lesson_month_count ADD CONSTRAINT lesson_month_count_centre_id_fkey
    FOREIGN KEY (centre_id) REFERENCES centre (id)';
END $$;
