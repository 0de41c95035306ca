-- Lesson steps children passed (docs/tracker.md, "Lesson progress"), each once per (centre,
-- event id): the device derives the event id from (learner, lesson, step), so the same child's
-- step sent by two PCs is one row. person_id is NULL for a child who chose "anónimo".
-- The foreign keys to centre come in 011 (on Citus, after the tables are distributed).
CREATE TABLE lesson_step (
  centre_id uuid NOT NULL,
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
  centre_id uuid NOT NULL,
  month date NOT NULL,
  steps integer NOT NULL,
  lessons integer NOT NULL,
  PRIMARY KEY (centre_id, month)
);
