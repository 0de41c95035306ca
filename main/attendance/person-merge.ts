/**
 * Likely duplicates and merging them. A likely duplicate is someone with the same name once
 * accents, case and spacing are folded, and the same birth year.
 *
 * Merging keeps one person and erases the other, in one transaction:
 * - the guardian's consent of the duplicate moves to the kept person when that one has none;
 * - each session where the duplicate is present: the duplicate gets a check-out event and the
 *   kept person a check-in keeping the first arrival time (attendance stays append-only, and
 *   the kept person's rows carry the kept person's consent to the sync outbox);
 * - the lesson steps the duplicate passed and the kept person did not move to the kept person;
 * - the duplicate is erased like any erasure: its data is deleted and the 'erase' tombstone goes
 *   to the outbox, so its earlier rows never leave (or are dropped by the tracker) while the
 *   kept person's rows count once. The caller runs it through the erasure journal.
 */
import { randomUUID } from 'node:crypto';
import { searchKeyFor } from '../../common/attendance/search-key';
import type { Person, PersonSearchHit } from '../../common/ipc/contract-attendance';
import type { Sql } from '../db/sqlite';
import { moveLessonSteps } from '../progress/merge-progress';
import type { Actor } from './actor';
import type { AttendanceStore } from './attendance-store';
import { writeAudit } from './audit-repo';
import { applyEvent, requireSession } from './checkin-service';
import { attendanceError } from './errors';
import { writeOutbox } from './outbox';
import { requirePerson } from './people-service';
import {
  latestConsentRow,
  latestConsentRows,
  personColumns,
  personOutboxPayload,
  toPerson,
  type PersonRow,
} from './person-repo';

export const findLikelyDuplicates = async (
  sql: Sql,
  displayName: string,
  birthYear: number | null,
  excludeId?: string,
): Promise<PersonSearchHit[]> => {
  const rows = await sql.all<PersonRow>(
    `SELECT ${personColumns} FROM people
     WHERE search_key = ? AND birth_year IS ? AND deleted_at IS NULL AND id IS NOT ?
     ORDER BY created_at LIMIT 10`,
    [searchKeyFor(displayName), birthYear, excludeId ?? null],
  );
  const consents = await latestConsentRows(
    sql,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...toPerson(row, consents.get(row.id)), present: null }));
};

/** Refusals that need no transaction (checked before the erasure journal records anything). */
export const checkMergeable = (keep: Person, duplicate: Person): void => {
  if (keep.id === duplicate.id) throw attendanceError('merge-same-person');
  if (keep.deletedAt) throw attendanceError('person-deleted');
  if (keep.consentState === 'withdrawn') throw attendanceError('consent-withdrawn');
};

const presentSessions = (tx: Sql, personId: string) =>
  tx.all<{ session_id: string; created_at: string }>(
    `SELECT a.session_id, a.created_at FROM attendance a
     WHERE a.person_id = ?
       AND (SELECT e.kind FROM attendance_events e WHERE e.attendance_id = a.id ORDER BY e.seq DESC LIMIT 1) = 'check-in'
     ORDER BY a.created_at`,
    [personId],
  );

export const mergePeopleInTx = async (
  tx: Sql,
  keepId: string,
  duplicateId: string,
  actor: Actor,
): Promise<{ person: Person; movedSessions: number }> => {
  const at = new Date().toISOString();
  let keep = await requirePerson(tx, keepId);
  const duplicate = await requirePerson(tx, duplicateId);
  checkMergeable(keep, duplicate);

  const duplicateConsent = await latestConsentRow(tx, duplicate.id);
  if (keep.minor && !keep.consent && duplicateConsent) {
    const c = duplicateConsent;
    await tx.run(
      `INSERT INTO consents (id, person_id, guardian_name, relation, method, given_on, scopes, recorded_at,
                             withdrawn_at, withdrawn_on)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        randomUUID(),
        keep.id,
        c.guardian_name,
        c.relation,
        c.method,
        c.given_on,
        c.scopes,
        at,
        c.withdrawn_at,
        c.withdrawn_on,
      ],
    );
    keep = await requirePerson(tx, keep.id);
    await writeOutbox(
      tx,
      { entity: 'person', entityId: keep.id, op: 'consent', payload: personOutboxPayload(keep) },
      at,
    );
  }

  const sessions = await presentSessions(tx, duplicate.id);
  for (const row of sessions) {
    const session = await requireSession(tx, row.session_id, { withCount: false });
    await applyEvent(tx, session, duplicate, 'check-out', actor);
    await applyEvent(tx, session, keep, 'check-in', actor, row.created_at);
  }

  // Before the delete: the duplicate's lesson steps would go with it (progress/merge-progress.ts).
  await moveLessonSteps(tx, duplicate.id, keep.id, at);
  await tx.run('DELETE FROM people WHERE id = ?', [duplicate.id]);
  await writeOutbox(
    tx,
    { entity: 'person', entityId: duplicate.id, op: 'erase', payload: { id: duplicate.id } },
    at,
  );
  await writeAudit(
    tx,
    actor,
    { action: 'merge', rowCount: sessions.length, detail: `${duplicate.id} -> ${keep.id}` },
    at,
  );
  return { person: await requirePerson(tx, keep.id), movedSessions: sessions.length };
};

export const createPersonMerge = (store: AttendanceStore) => ({
  likelyDuplicates: (displayName: string, birthYear: number | null, excludeId?: string) =>
    findLikelyDuplicates(store.db().read, displayName, birthYear, excludeId),
  /** Checks the pair without writing, so nothing reaches the erasure journal for a refused merge. */
  async check(keepId: string, duplicateId: string): Promise<void> {
    const sql = store.db().read;
    checkMergeable(await requirePerson(sql, keepId), await requirePerson(sql, duplicateId));
  },
  merge: (keepId: string, duplicateId: string, actor: Actor) =>
    store.db().write((tx) => mergePeopleInTx(tx, keepId, duplicateId, actor)),
});
