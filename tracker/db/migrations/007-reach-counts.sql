-- Counts kept by the sync's own transactions, so the dashboard reads small tables whatever the
-- number of attendance rows. No person id in them: they outlive retention.
-- Each person has one first month, and one row per month attended, so the counts add up exactly
-- across centres, months, types, sexes and age bands. sex 'unknown' stands for not given.
-- The sync adds signed differences (INSERT … ON CONFLICT DO UPDATE), so no CHECK on the sign:
-- PostgreSQL checks the proposed row before it finds the conflict.

-- People reached in a month (one per person and month attended).
CREATE TABLE reach_month_count (
  centre_id uuid NOT NULL REFERENCES centre (id),
  month date NOT NULL,
  person_type text NOT NULL,
  age_band text NOT NULL,
  sex text NOT NULL,
  people integer NOT NULL,
  PRIMARY KEY (centre_id, month, person_type, age_band, sex)
);

-- People by the month they were first reached: "reached up to M" sums first months <= M,
-- "newly reached in a period" sums the period.
CREATE TABLE reach_first_count (
  centre_id uuid NOT NULL REFERENCES centre (id),
  first_month date NOT NULL,
  person_type text NOT NULL,
  age_band text NOT NULL,
  sex text NOT NULL,
  people integer NOT NULL,
  PRIMARY KEY (centre_id, first_month, person_type, age_band, sex)
);

-- Sessions held, by month and activity type.
CREATE TABLE session_month_count (
  centre_id uuid NOT NULL REFERENCES centre (id),
  month date NOT NULL,
  activity_type text NOT NULL,
  sessions integer NOT NULL,
  PRIMARY KEY (centre_id, month, activity_type)
);

INSERT INTO reach_month_count (centre_id, month, person_type, age_band, sex, people)
  SELECT centre_id, month, person_type, age_band, coalesce(sex, 'unknown'), count(*)
  FROM reach_person_month GROUP BY 1, 2, 3, 4, 5;
INSERT INTO reach_first_count (centre_id, first_month, person_type, age_band, sex, people)
  SELECT centre_id, first_month, person_type, age_band, coalesce(sex, 'unknown'), count(*)
  FROM reach_person GROUP BY 1, 2, 3, 4, 5;
INSERT INTO session_month_count (centre_id, month, activity_type, sessions)
  SELECT centre_id, date_trunc('month', session_date)::date, activity_type, count(*)
  FROM session GROUP BY 1, 2, 3;
