/**
 * Outbox rows for the later sync (docs/architecture.md, "Attendance and privacy"). Written by the same transaction as the data
 * change they describe. Payloads are pseudonymous by construction: the types below have no field
 * for a name, contact or free text, and each writer builds them field by field.
 */
import type {
  ActivityType,
  AgeBand,
  ConsentScope,
  ConsentState,
  PersonType,
  Sex,
} from '../../common/ipc/contract-attendance';
import type { Sql } from '../db/sqlite';

export interface PersonOutboxPayload {
  id: string;
  type: PersonType;
  ageBand: AgeBand;
  sex: Sex | null;
  centre: string;
  consentState: ConsentState;
  /** What the guardian agreed to (empty unless consent is given), e.g. whether 'reporting' is allowed. */
  consentScopes: ConsentScope[];
  deleted: boolean;
}

export interface SessionOutboxPayload {
  id: string;
  centre: string;
  date: string;
  activityType: ActivityType;
}

export interface AttendanceOutboxPayload {
  attendanceId: string;
  eventId: string;
  sessionId: string;
  personId: string;
  personType: PersonType;
  ageBand: AgeBand;
  sex: Sex | null;
  centre: string;
  sessionDate: string;
  activityType: ActivityType;
  consentState: ConsentState;
  consentScopes: ConsentScope[];
  present: boolean;
  at: string;
}

export type OutboxEntry =
  | {
      entity: 'person';
      entityId: string;
      op: 'create' | 'update' | 'soft-delete' | 'restore' | 'consent';
      payload: PersonOutboxPayload;
    }
  | { entity: 'person'; entityId: string; op: 'erase'; payload: { id: string } }
  | { entity: 'session'; entityId: string; op: 'create'; payload: SessionOutboxPayload }
  | {
      entity: 'attendance';
      entityId: string;
      op: 'check-in' | 'check-out';
      payload: AttendanceOutboxPayload;
    };

export const writeOutbox = async (tx: Sql, entry: OutboxEntry, now: string): Promise<void> => {
  await tx.run('INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES (?, ?, ?, ?, ?)', [
    entry.entity,
    entry.entityId,
    entry.op,
    JSON.stringify(entry.payload),
    now,
  ]);
};
