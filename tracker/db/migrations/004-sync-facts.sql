-- What devices send. Every fact table carries centre_id in its primary key so it can be
-- distributed by centre (Citus); attendance tables also carry session_date in their key and are
-- partitioned by it (one DEFAULT partition for now; monthly partitions can be attached later).

-- One row per batch answered, so a replayed Idempotency-Key gets the same answer.
CREATE TABLE sync_request (
  device_id uuid NOT NULL REFERENCES device (id),
  idempotency_key text NOT NULL,
  body_hash text NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, idempotency_key)
);
CREATE INDEX sync_request_by_time ON sync_request (created_at);

-- Pseudonymous person: ids and bands only. After erasure or consent withdrawal only the id
-- and erased_at remain.
CREATE TABLE person (
  centre_id uuid NOT NULL REFERENCES centre (id),
  person_id uuid NOT NULL,
  person_type text,
  age_band text,
  sex text,
  consent_state text,
  deleted boolean,
  changed_at timestamptz,
  content_hash text,
  erased_at timestamptz,
  PRIMARY KEY (centre_id, person_id)
);

CREATE TABLE session (
  centre_id uuid NOT NULL REFERENCES centre (id),
  session_id uuid NOT NULL,
  session_date date NOT NULL,
  activity_type text NOT NULL,
  content_hash text NOT NULL,
  PRIMARY KEY (centre_id, session_id)
);
CREATE INDEX session_by_date ON session (session_date);

-- Append-only check-in / check-out events, each once.
CREATE TABLE attendance_event (
  centre_id uuid NOT NULL REFERENCES centre (id),
  session_date date NOT NULL,
  event_id uuid NOT NULL,
  attendance_id uuid NOT NULL,
  person_id uuid NOT NULL,
  present boolean NOT NULL,
  at timestamptz NOT NULL,
  content_hash text NOT NULL,
  device_id uuid NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (centre_id, session_date, event_id)
) PARTITION BY RANGE (session_date);
CREATE TABLE attendance_event_default PARTITION OF attendance_event DEFAULT;
CREATE INDEX attendance_event_by_person ON attendance_event (centre_id, person_id);

-- Current state of each (centre, session, person): the latest event wins.
CREATE TABLE attendance (
  centre_id uuid NOT NULL REFERENCES centre (id),
  session_date date NOT NULL,
  attendance_id uuid NOT NULL,
  session_id uuid NOT NULL,
  person_id uuid NOT NULL,
  person_type text NOT NULL,
  age_band text NOT NULL,
  sex text,
  activity_type text NOT NULL,
  present boolean NOT NULL,
  last_event_at timestamptz NOT NULL,
  last_event_id uuid NOT NULL,
  PRIMARY KEY (centre_id, session_date, attendance_id)
) PARTITION BY RANGE (session_date);
CREATE TABLE attendance_default PARTITION OF attendance DEFAULT;
CREATE INDEX attendance_by_person ON attendance (centre_id, person_id, session_date);

-- Same id, different content: both versions kept for review, never dropped.
CREATE TABLE sync_conflict (
  centre_id uuid NOT NULL REFERENCES centre (id),
  conflict_id bigserial NOT NULL,
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  person_id uuid,
  device_id uuid NOT NULL,
  item jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (centre_id, conflict_id)
);
CREATE INDEX sync_conflict_by_person ON sync_conflict (centre_id, person_id);
