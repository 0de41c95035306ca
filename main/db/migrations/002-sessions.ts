import type { Migration } from '../migration';

/** Sessions (classes, workshops, trainings). lessons is a JSON array of strings. */
export const migration002Sessions: Migration = {
  version: 2,
  name: 'sessions',
  sql: `
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      centre TEXT NOT NULL,
      date TEXT NOT NULL,
      start_time TEXT NOT NULL,
      activity_type TEXT NOT NULL CHECK (activity_type IN
        ('robotics-class', 'coding-class', 'digital-safety-family', 'teacher-training', 'other')),
      lessons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lessons)),
      facilitator TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sessions_by_date ON sessions (date, start_time);
  `,
};
