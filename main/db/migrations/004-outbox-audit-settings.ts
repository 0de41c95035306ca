import type { Migration } from '../migration';

/**
 * outbox: one row per data change, written in the same transaction, for the later sync
 * (pseudonymous payloads only). audit_log: exports, imports, erasures, PIN changes; append-only.
 * settings: PIN hashes, centre code, failed-PIN counter.
 */
export const migration004OutboxAuditSettings: Migration = {
  version: 4,
  name: 'outbox-audit-settings',
  sql: `
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      entity TEXT NOT NULL CHECK (entity IN ('person', 'session', 'attendance')),
      entity_id TEXT NOT NULL,
      op TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX outbox_by_entity ON outbox (entity, entity_id);
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      role TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      kind TEXT,
      named INTEGER CHECK (named IS NULL OR named IN (0, 1)),
      row_count INTEGER,
      detail TEXT
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
