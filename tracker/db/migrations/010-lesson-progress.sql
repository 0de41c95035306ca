-- Lesson steps children passed (docs/tracker.md, "Lesson progress"), each once per (centre,
-- event id): the device derives the event id from (learner, lesson, step), so the same child's
-- step sent by two PCs is one row. person_id is NULL for a child who chose "anónimo".
CREATE TABLE lesson_step (
  centre_id uuid NOT NULL REFERENCES centre (id),
  event_id uuid NOT NULL,
  person_id uuid,
  lesson_id text NOT NULL CHECK (lesson_id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  step integer NOT NULL CHECK (step BETWEEN 0 AND 200),
  lesson_done boolean NOT NULL,
  done_month date NOT NULL CHECK (done_month = date_trunc('month', done_month)::date),
  content_hash text NOT NULL,
  device_id uuid NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (centre_id, event_id)
);
CREATE INDEX lesson_step_by_person ON lesson_step (centre_id, person_id);
CREATE INDEX lesson_step_by_month ON lesson_step (done_month);

-- Steps passed and lessons completed per centre and month, kept by the sync's transactions (and
-- lowered by erasures), so the report reads a few rows per centre and month. No person id.
CREATE TABLE lesson_month_count (
  centre_id uuid NOT NULL REFERENCES centre (id),
  month date NOT NULL,
  steps integer NOT NULL,
  lessons integer NOT NULL,
  PRIMARY KEY (centre_id, month)
);

-- On Citus (see 009) both are distributed by centre, co-located with the other facts.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
    PERFORM create_distributed_table('lesson_step', 'centre_id', colocate_with => 'person');
    PERFORM create_distributed_table('lesson_month_count', 'centre_id', colocate_with => 'person');
  END IF;
END $$;
