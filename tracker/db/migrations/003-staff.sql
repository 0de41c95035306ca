-- Programme staff who sign in to the reach dashboard (aggregates only) and their sessions.
CREATE TABLE staff_user (
  username text PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_session (
  token_hash text PRIMARY KEY,
  username text NOT NULL REFERENCES staff_user (username) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
