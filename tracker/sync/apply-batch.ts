import type {
  AttendanceItem,
  LessonProgressItem,
  PersonItem,
  SessionItem,
  TombstoneItem,
} from '../../common/sync/sync-items';
import type { ItemResult } from '../../common/sync/sync-protocol';
import type { Queryable } from '../db/database';
import { applyAttendanceItems } from './apply-attendance';
import { applyLessonProgressItems, forgetLessonProgress, lessonStepHash } from './apply-lesson-progress';
import { applyPersonItems, applyTombstones, erasedPeople } from './apply-people';
import { applySessionItems } from './apply-sessions';
import type { BatchContext, Keyed } from './batch-context';
import { updateReachRollups } from './update-rollups';
import { checkItem } from './validate-item';

export interface EnrolledDevice {
  id: string;
  centreId: string;
  centreCode: string;
}

/**
 * Applies one batch inside the caller's transaction and answers each item. Holds the centre's
 * transaction-scoped advisory lock, so two devices of one centre apply their batches one after
 * the other and the rollups stay exact; other centres are not blocked.
 */
export const applyBatch = async (
  tx: Queryable,
  device: EnrolledDevice,
  items: unknown[],
  now: Date,
  keepFrom: string | null,
): Promise<ItemResult[]> => {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [device.centreId]);
  const context: BatchContext = {
    tx,
    centreId: device.centreId,
    deviceId: device.id,
    keepFrom,
    results: [],
  };
  const attendance: Keyed<AttendanceItem>[] = [];
  const sessions: Keyed<SessionItem>[] = [];
  const people: Keyed<PersonItem>[] = [];
  const tombstones: Keyed<TombstoneItem>[] = [];
  const lessonSteps: Keyed<LessonProgressItem>[] = [];

  const checked = items.map((raw) => checkItem(raw, device.centreCode, now, keepFrom));
  const personIds = checked.flatMap((c) =>
    !c.ok
      ? []
      : c.item.entity === 'attendance'
        ? [c.item.payload.personId]
        : c.item.entity === 'lesson-progress'
          ? c.item.payload.personId === null
            ? []
            : [c.item.payload.personId]
          : c.item.entity === 'person'
            ? [c.item.payload.id]
            : [],
  );
  const erased = await erasedPeople(
    context,
    personIds.map((id) => id.toLowerCase()),
  );

  checked.forEach((c, index) => {
    if (!c.ok) {
      context.results[index] = { index, status: 'invalid', reason: c.reason };
      return;
    }
    const { item, hash } = c;
    if (item.entity === 'attendance') {
      if (erased.has(item.payload.personId.toLowerCase()))
        context.results[index] = { index, status: 'invalid', reason: 'person-erased' };
      else attendance.push({ index, key: item.payload.eventId.toLowerCase(), hash, item });
    } else if (item.entity === 'lesson-progress') {
      const person = item.payload.personId?.toLowerCase();
      if (person && erased.has(person))
        context.results[index] = { index, status: 'invalid', reason: 'person-erased' };
      else
        lessonSteps.push({
          index,
          key: item.payload.eventId.toLowerCase(),
          hash: lessonStepHash(item),
          item,
        });
    } else if (item.entity === 'session') {
      sessions.push({ index, key: item.payload.id.toLowerCase(), hash, item });
    } else if (item.op === 'erase' || item.op === 'withdraw-consent') {
      tombstones.push({ index, key: item.payload.id.toLowerCase(), hash, item: item as TombstoneItem });
    } else if (erased.has(item.payload.id.toLowerCase())) {
      context.results[index] = { index, status: 'invalid', reason: 'person-erased' };
    } else {
      const person = item as PersonItem;
      people.push({ index, key: `${person.payload.id.toLowerCase()}|${person.at}`, hash, item: person });
    }
  });

  await applySessionItems(context, sessions);
  await applyPersonItems(context, people);
  await updateReachRollups(context, await applyAttendanceItems(context, attendance));
  await applyLessonProgressItems(context, lessonSteps);
  await applyTombstones(context, tombstones);
  await forgetLessonProgress(
    context,
    tombstones.map((t) => t.key),
  );
  return context.results;
};
