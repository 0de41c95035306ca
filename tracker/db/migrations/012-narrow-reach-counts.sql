-- The reach report reads each count at the grain it shows, so a programme-wide report reads a few
-- thousand rows instead of every (month, type, age band, sex) cell of every centre:
--   reach_month_type_count  people reached in a month, by type       (reached in each month)
--   reach_first_sex_count   people by first month, type and sex      (totals, newly reached,
--                                                                     by country, centre, sex)
--   reach_first_band_count  people by first month, type and age band (by age band)
-- Each is the wide count of migration 007 summed over the columns it leaves out, so it stays exact.
-- The wide tables go: nothing reads them.
CREATE TABLE reach_month_type_count (
  centre_id uuid NOT NULL REFERENCES centre (id),
  month date NOT NULL,
  person_type text NOT NULL,
  people integer NOT NULL,
  PRIMARY KEY (centre_id, month, person_type)
);

CREATE TABLE reach_first_sex_count (
  centre_id uuid NOT NULL REFERENCES centre (id),
  first_month date NOT NULL,
  person_type text NOT NULL,
  sex text NOT NULL,
  people integer NOT NULL,
  PRIMARY KEY (centre_id, first_month, person_type, sex)
);

CREATE TABLE reach_first_band_count (
  centre_id uuid NOT NULL REFERENCES centre (id),
  first_month date NOT NULL,
  person_type text NOT NULL,
  age_band text NOT NULL,
  people integer NOT NULL,
  PRIMARY KEY (centre_id, first_month, person_type, age_band)
);

-- On Citus (migration 009 distributed the rest), the new counts join their centre's shard.
DO $$
DECLARE
  t text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    RETURN;
  END IF;
  PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
  FOREACH t IN ARRAY ARRAY['reach_month_type_count', 'reach_first_sex_count', 'reach_first_band_count'] LOOP
    EXECUTE format('SELECT create_distributed_table(%L, ''centre_id'', colocate_with => ''person'')', t);
  END LOOP;
END $$;

INSERT INTO reach_month_type_count (centre_id, month, person_type, people)
  SELECT centre_id, month, person_type, sum(people) FROM reach_month_count GROUP BY 1, 2, 3;
INSERT INTO reach_first_sex_count (centre_id, first_month, person_type, sex, people)
  SELECT centre_id, first_month, person_type, sex, sum(people) FROM reach_first_count GROUP BY 1, 2, 3, 4;
INSERT INTO reach_first_band_count (centre_id, first_month, person_type, age_band, people)
  SELECT centre_id, first_month, person_type, age_band, sum(people) FROM reach_first_count GROUP BY 1, 2, 3, 4;

DROP TABLE reach_month_count;
DROP TABLE reach_first_count;
