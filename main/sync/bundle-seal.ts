/**
 * Seals a USB sync bundle exactly as common/sync/bundle-format.ts describes: gzip'd items,
 * AES-256-GCM under a key derived from the device's bundle key, the header as additional data,
 * and an HMAC over everything, so the tracker refuses a changed or foreign file.
 */
import { createCipheriv, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import {
  bundleFormat,
  bundleHeaderText,
  bundleHkdfInfo,
  bundleMacText,
  bundleVersion,
  type BundleFile,
  type BundleHeader,
} from '../../common/sync/bundle-format';
import type { SyncItem } from '../../common/sync/sync-items';

const gzipAsync = promisify(gzip);

const deriveKey = (bundleKey: Buffer, bundleId: string, info: string): Buffer =>
  Buffer.from(hkdfSync('sha256', bundleKey, Buffer.from(bundleId, 'utf8'), info, 32));

export const sealBundle = async (options: {
  deviceId: string;
  bundleKey: string;
  items: readonly SyncItem[];
  createdAt: string;
}): Promise<BundleFile> => {
  const key = Buffer.from(options.bundleKey, 'base64url');
  const header: BundleHeader = {
    format: bundleFormat,
    version: bundleVersion,
    bundleId: randomUUID(),
    deviceId: options.deviceId,
    createdAt: options.createdAt,
    itemCount: options.items.length,
  };
  const plaintext = await gzipAsync(JSON.stringify({ items: options.items }));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(key, header.bundleId, bundleHkdfInfo.enc), iv);
  cipher.setAAD(Buffer.from(bundleHeaderText(header), 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const unsigned = {
    ...header,
    iv: iv.toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
  const mac = createHmac('sha256', deriveKey(key, header.bundleId, bundleHkdfInfo.mac))
    .update(bundleMacText(unsigned), 'utf8')
    .digest('base64url');
  return { ...unsigned, mac };
};
