-- Rollups kept by the sync's own transactions, so reach (distinct people) never needs a
-- count(DISTINCT) over raw attendance: one row per person and month attended, and one row per
-- person reached with the month they were first reached.
CREATE TABLE reach_person_month (
  centre_id uuid NOT NULL REFERENCES centre (id),
  month date NOT NULL,
  person_id uuid NOT NULL,
  person_type text NOT NULL,
  age_band text NOT NULL,
  sex text,
  sessions integer NOT NULL CHECK (sessions > 0),
  PRIMARY KEY (centre_id, month, person_id)
);
CREATE INDEX reach_person_month_by_person ON reach_person_month (centre_id, person_id);

CREATE TABLE reach_person (
  centre_id uuid NOT NULL REFERENCES centre (id),
  person_id uuid NOT NULL,
  first_month date NOT NULL,
  person_type text NOT NULL,
  age_band text NOT NULL,
  sex text,
  PRIMARY KEY (centre_id, person_id)
);
CREATE INDEX reach_person_by_first_month ON reach_person (first_month);
