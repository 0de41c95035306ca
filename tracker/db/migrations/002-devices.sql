-- Enrolment codes (stored hashed, single use, expiring), enrolled devices (credential stored
-- hashed) and the log of enrolment tries that the rate limit counts.
CREATE TABLE enrolment_code (
  code_hash text PRIMARY KEY,
  centre_id uuid NOT NULL REFERENCES centre (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  device_id uuid
);

CREATE TABLE device (
  id uuid PRIMARY KEY,
  centre_id uuid NOT NULL REFERENCES centre (id),
  credential_hash text NOT NULL UNIQUE,
  bundle_key text NOT NULL,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_seen_at timestamptz
);

CREATE TABLE auth_attempt (
  id bigserial PRIMARY KEY,
  scope text NOT NULL,
  client text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  succeeded boolean NOT NULL
);
CREATE INDEX auth_attempt_by_client ON auth_attempt (scope, client, at);
CREATE INDEX auth_attempt_by_time ON auth_attempt (scope, at);
