-- Attendance facts and the person-month rollup are partitioned by month, with no DEFAULT
-- partition: the tracker creates each month's partition ahead of time (and on demand for a late
-- row), and retention detaches and drops whole months. Rows already stored move into their months.
DO $$
DECLARE
  t record;
  m date;
BEGIN
  FOR t IN SELECT * FROM (VALUES ('attendance_event'), ('attendance')) AS v(parent) LOOP
    EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', t.parent, t.parent || '_default');
    FOR m IN EXECUTE format('SELECT DISTINCT date_trunc(''month'', session_date)::date FROM %I', t.parent || '_default')
    LOOP
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
        t.parent || '_m' || to_char(m, 'YYYYMM'), t.parent, m, (m + interval '1 month')::date);
    END LOOP;
    EXECUTE format('INSERT INTO %I SELECT * FROM %I', t.parent, t.parent || '_default');
    EXECUTE format('DROP TABLE %I', t.parent || '_default');
  END LOOP;
END $$;

ALTER TABLE reach_person_month RENAME TO reach_person_month_pre006;
ALTER INDEX reach_person_month_pkey RENAME TO reach_person_month_pre006_pkey;
ALTER INDEX reach_person_month_by_person RENAME TO reach_person_month_pre006_by_person;

CREATE TABLE reach_person_month (
  centre_id uuid NOT NULL REFERENCES centre (id),
  month date NOT NULL,
  person_id uuid NOT NULL,
  person_type text NOT NULL,
  age_band text NOT NULL,
  sex text,
  sessions integer NOT NULL CHECK (sessions > 0),
  PRIMARY KEY (centre_id, month, person_id)
) PARTITION BY RANGE (month);
CREATE INDEX reach_person_month_by_person ON reach_person_month (centre_id, person_id);

DO $$
DECLARE
  m date;
BEGIN
  FOR m IN SELECT DISTINCT month FROM reach_person_month_pre006 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF reach_person_month FOR VALUES FROM (%L) TO (%L)',
      'reach_person_month_m' || to_char(m, 'YYYYMM'), m, (m + interval '1 month')::date);
  END LOOP;
END $$;
INSERT INTO reach_person_month SELECT * FROM reach_person_month_pre006;
DROP TABLE reach_person_month_pre006;
