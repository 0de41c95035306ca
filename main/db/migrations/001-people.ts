import type { Migration } from '../migration';

/**
 * People and guardian consent. search_key is the accent/case-folded name (common/attendance/
 * search-key.ts). Consent rows go with the person on erase (ON DELETE CASCADE).
 */
export const migration001People: Migration = {
  version: 1,
  name: 'people',
  sql: `
    CREATE TABLE people (
      id TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      search_key TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('learner', 'teacher', 'caregiver')),
      birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
      sex TEXT CHECK (sex IS NULL OR sex IN ('female', 'male', 'other')),
      centre TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;
    CREATE INDEX people_by_search_key ON people (search_key);
    CREATE TABLE consents (
      id TEXT PRIMARY KEY,
      person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      guardian_name TEXT NOT NULL,
      relation TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('paper', 'verbal', 'digital')),
      given_on TEXT NOT NULL,
      scopes TEXT NOT NULL CHECK (json_valid(scopes)),
      recorded_at TEXT NOT NULL,
      withdrawn_at TEXT,
      withdrawn_on TEXT
    ) STRICT;
    CREATE INDEX consents_by_person ON consents (person_id, recorded_at);
  `,
};
