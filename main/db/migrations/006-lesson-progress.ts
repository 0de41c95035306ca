import type { Migration } from '../migration';

/**
 * Lesson progress: one row per step a child passed (person_id, or NULL for "anónimo"), counted
 * once per learner, lesson and step. `learner` is the person id, or 'anon:<run id>' for an
 * anonymous child (a run ends with "Nuevo" or when someone else picks their name), so the unique
 * key holds for both. Rows go with the person on erase (ON DELETE CASCADE).
 * The outbox gains the 'lesson-progress' entity: SQLite cannot change a CHECK in place, so the
 * outbox (and sync_items, whose foreign key names it) are rebuilt with the same rows and ids, and
 * the AUTOINCREMENT counter carries over so an id is never reused.
 */
export const migration006LessonProgress: Migration = {
  version: 6,
  name: 'lesson-progress',
  sql: `
    CREATE TABLE lesson_progress (
      id TEXT PRIMARY KEY,
      learner TEXT NOT NULL,
      person_id TEXT REFERENCES people (id) ON DELETE CASCADE,
      lesson_id TEXT NOT NULL,
      step INTEGER NOT NULL CHECK (step BETWEEN 0 AND 200),
      lesson_done INTEGER NOT NULL CHECK (lesson_done IN (0, 1)),
      completed_at TEXT NOT NULL,
      completed_on TEXT NOT NULL,
      CHECK ((person_id IS NULL) = (learner LIKE 'anon:%')),
      CHECK (person_id IS NULL OR learner = person_id),
      UNIQUE (learner, lesson_id, step)
    ) STRICT;
    CREATE INDEX lesson_progress_by_person ON lesson_progress (person_id, lesson_id);
    CREATE INDEX lesson_progress_by_lesson ON lesson_progress (lesson_id, lesson_done);

    CREATE TABLE outbox_v6 (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      entity TEXT NOT NULL CHECK (entity IN ('person', 'session', 'attendance', 'lesson-progress')),
      entity_id TEXT NOT NULL,
      op TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      created_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO outbox_v6 (id, entity, entity_id, op, payload, created_at)
      SELECT id, entity, entity_id, op, payload, created_at FROM outbox;
    DELETE FROM sqlite_sequence WHERE name = 'outbox_v6';
    INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_v6', seq FROM sqlite_sequence WHERE name = 'outbox';
    CREATE TABLE sync_items_v6 (
      outbox_id INTEGER PRIMARY KEY REFERENCES outbox_v6 (id),
      batch_id TEXT REFERENCES sync_batches (id),
      state TEXT NOT NULL CHECK (state IN
        ('queued', 'accepted', 'duplicate', 'conflict', 'invalid', 'withheld', 'superseded')),
      reason TEXT,
      updated_at TEXT NOT NULL,
      CHECK ((state IN ('withheld', 'superseded')) = (batch_id IS NULL))
    ) STRICT;
    INSERT INTO sync_items_v6 SELECT outbox_id, batch_id, state, reason, updated_at FROM sync_items;
    DROP TABLE sync_items;
    DROP TABLE outbox;
    ALTER TABLE outbox_v6 RENAME TO outbox;
    ALTER TABLE sync_items_v6 RENAME TO sync_items;
    CREATE INDEX outbox_by_entity ON outbox (entity, entity_id);
    CREATE INDEX sync_items_by_batch ON sync_items (batch_id);
    CREATE INDEX sync_items_by_state ON sync_items (state);
  `,
};
