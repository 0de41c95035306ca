import type { AuditEntry } from '../../common/ipc/contract-attendance';
import type { Sql } from '../db/sqlite';
import type { Actor } from './actor';

export interface AuditRecord {
  action: AuditEntry['action'];
  kind?: string | null;
  named?: boolean | null;
  rowCount?: number | null;
  detail?: string | null;
}

/** Appends to the audit log (append-only table; triggers refuse edits). */
export const writeAudit = async (tx: Sql, actor: Actor, record: AuditRecord, now: string): Promise<void> => {
  await tx.run(
    'INSERT INTO audit_log (at, role, actor, action, kind, named, row_count, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      now,
      actor.role,
      actor.connectionId,
      record.action,
      record.kind ?? null,
      record.named === undefined || record.named === null ? null : Number(record.named),
      record.rowCount ?? null,
      record.detail ?? null,
    ],
  );
};

interface AuditRow {
  id: number;
  at: string;
  role: string;
  actor: string;
  action: AuditEntry['action'];
  kind: string | null;
  named: number | null;
  row_count: number | null;
  detail: string | null;
}

/** Newest first. */
export const listAudit = async (sql: Sql, limit: number): Promise<AuditEntry[]> => {
  const rows = await sql.all<AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?', [limit]);
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    role: row.role,
    actor: row.actor,
    action: row.action,
    kind: row.kind,
    named: row.named === null ? null : row.named === 1,
    rowCount: row.row_count,
    detail: row.detail,
  }));
};
