/**
 * USB bundle for a centre with no internet at all: every row still to send (the open batch, then
 * the rows not looked at yet, with the same consent and tombstone rules as a sync), sealed into
 * one file in the exports folder. Nothing is marked sent: the tracker's answers to a later sync
 * (duplicate) settle that, and importing the same bundle twice changes nothing there.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncBundleResult } from '../../common/ipc/contract-sync';
import { maxBundleItems } from '../../common/sync/bundle-format';
import type { SyncItem } from '../../common/sync/sync-items';
import { maxBatchItems } from '../../common/sync/sync-protocol';
import type { Actor } from '../attendance/actor';
import { writeAudit } from '../attendance/audit-repo';
import type { AppDatabase } from '../db/app-database';
import { sealBundle } from './bundle-seal';
import type { DeviceCredential } from './credential-store';
import { syncError } from './errors';
import { readClassified } from './outbox-items';
import { openBatch, scannedThrough } from './sync-batches';
import type { Enrolment } from './sync-settings';

const maxDownloadBytes = 25 * 1024 * 1024;

/** The items a bundle carries, oldest first, read through the reader connection only. */
export const pendingItems = async (db: AppDatabase, centre: string, limit: number): Promise<SyncItem[]> => {
  const items: SyncItem[] = [...((await openBatch(db.read, centre))?.items ?? [])];
  let after = await scannedThrough(db.read);
  while (items.length < limit) {
    const window = await readClassified(db.read, after, maxBatchItems, centre);
    if (window.length === 0) break;
    for (const row of window) if (row.state === 'send') items.push(row.item);
    after = window[window.length - 1].outboxId;
  }
  return items.slice(0, limit);
};

const stamp = (date: Date) => date.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

export const exportSyncBundle = async (options: {
  db: AppDatabase;
  enrolment: Enrolment;
  credential: DeviceCredential;
  exportsDir: string;
  actor: Actor;
  now: () => Date;
}): Promise<SyncBundleResult> => {
  const { db, enrolment, credential } = options;
  const items = await pendingItems(db, enrolment.centre, maxBundleItems);
  if (items.length === 0) throw syncError('nothing-to-export');
  const createdAt = options.now();
  const bundle = await sealBundle({
    deviceId: credential.deviceId,
    bundleKey: credential.bundleKey,
    items,
    createdAt: createdAt.toISOString(),
  });
  const bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
  const fileName = `chispa-sync-${enrolment.centre}-${stamp(createdAt)}.json`;
  const filePath = join(options.exportsDir, fileName);
  writeFileSync(filePath, bytes);
  await db.write((tx) =>
    writeAudit(
      tx,
      options.actor,
      { action: 'export', kind: 'sync-bundle', named: false, rowCount: items.length, detail: fileName },
      createdAt.toISOString(),
    ),
  );
  return {
    itemCount: items.length,
    fileName,
    filePath,
    sizeBytes: bytes.length,
    contentBase64: bytes.length <= maxDownloadBytes ? bytes.toString('base64') : null,
  };
};
