/**
 * One sync round: send the open batch again if there is one (same Idempotency-Key), then make and
 * send batches until nothing is left. Each answered batch is recorded before the next is made, so
 * a power cut loses at most the batch in flight, which goes again, same key, after a restart.
 */
import { maxClockSkewMs } from '../../common/sync/sync-protocol';
import type { AppDatabase } from '../db/app-database';
import { syncError } from './errors';
import { applyResults, makeBatch, openBatch, rekeyBatch, type BatchOutcome } from './sync-batches';
import { updateSyncRecord } from './sync-settings';
import { SyncFailure, type TrackerClient } from './tracker-client';

export interface RoundTotals extends BatchOutcome {
  batches: number;
}

/** Tracker clock minus ours, taking our clock at the middle of the exchange. */
export const clockSkewMs = (serverTime: string | null, sentAt: number, receivedAt: number): number | null => {
  const server = serverTime ? Date.parse(serverTime) : Number.NaN;
  return Number.isNaN(server) ? null : Math.round(server - (sentAt + receivedAt) / 2);
};

export const isClockSuspect = (skewMs: number | null): boolean =>
  skewMs !== null && Math.abs(skewMs) > maxClockSkewMs;

export const runSyncRound = async (options: {
  db: AppDatabase;
  client: TrackerClient;
  token: string;
  centre: string;
  now: () => Date;
  /** Told after each answered batch (progress for the status). */
  onBatch?: (totals: RoundTotals) => void;
}): Promise<RoundTotals> => {
  const { db, client, token, centre } = options;
  const iso = () => options.now().toISOString();
  const totals: RoundTotals = { batches: 0, accepted: 0, duplicate: 0, conflict: 0, invalid: 0 };
  let rekeys = 0;
  for (;;) {
    const batch = (await openBatch(db.read, centre)) ?? (await makeBatch(db, centre, iso));
    if (!batch) break;
    const sentAt = Date.now();
    let answer;
    try {
      answer = await client.sync(token, batch.id, batch.items);
    } catch (error) {
      if (error instanceof SyncFailure && error.code === 'sync.idempotency-key-reused' && rekeys < 1) {
        rekeys += 1;
        await db.write((tx) => rekeyBatch(tx, batch));
        continue;
      }
      throw error;
    }
    const { results } = answer.body;
    const complete =
      results.length === batch.items.length && results.every((result, index) => result.index === index);
    if (!complete) throw new SyncFailure(syncError('unexpected-answer', { status: 200 }), true);
    const skew = clockSkewMs(answer.serverTime, sentAt, Date.now());
    const outcome = await db.write(async (tx) => {
      const applied = await applyResults(tx, batch, results, iso());
      await updateSyncRecord(tx, { clockSkewMs: skew });
      return applied;
    });
    totals.batches += 1;
    totals.accepted += outcome.accepted;
    totals.duplicate += outcome.duplicate;
    totals.conflict += outcome.conflict;
    totals.invalid += outcome.invalid;
    options.onBatch?.({ ...totals });
  }
  if (totals.batches === 0) {
    // Nothing to send: still ask the tracker, so a revoked PC hears it and the clock is checked.
    const sentAt = Date.now();
    const answer = await client.device(token);
    const skew = clockSkewMs(answer.serverTime, sentAt, Date.now());
    await db.write((tx) => updateSyncRecord(tx, { clockSkewMs: skew }));
  }
  return totals;
};
