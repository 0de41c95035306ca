import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  bundleFormat,
  bundleHeaderText,
  bundleVersion,
  type BundleFile,
} from '../../../common/sync/bundle-format';
import { bundleKeys, bundleMac } from '../../../tracker/bundle/open-bundle';

/** Seals items into a bundle file exactly as the rules in common/sync/bundle-format.ts say. */
export const sealBundle = (deviceId: string, bundleKey: string, items: unknown[]): BundleFile => {
  const header = {
    format: bundleFormat,
    version: bundleVersion,
    bundleId: randomUUID(),
    deviceId,
    createdAt: new Date().toISOString(),
    itemCount: items.length,
  } as const;
  const keys = bundleKeys(bundleKey, header.bundleId);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.enc, iv);
  cipher.setAAD(Buffer.from(bundleHeaderText(header)));
  const ciphertext = Buffer.concat([cipher.update(gzipSync(JSON.stringify({ items }))), cipher.final()]);
  const unsigned = {
    ...header,
    iv: iv.toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
  return { ...unsigned, mac: bundleMac(keys.mac, unsigned) };
};
