import { createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import {
  bundleFileSchema,
  bundleHeaderText,
  bundleHkdfInfo,
  bundleMacText,
  maxBundleItems,
  type BundleFile,
} from '../../common/sync/bundle-format';

export const bundleKeys = (bundleKey: string, bundleId: string) => {
  const key = Buffer.from(bundleKey, 'base64url');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', key, Buffer.from(bundleId), info, 32));
  return { enc: derive(bundleHkdfInfo.enc), mac: derive(bundleHkdfInfo.mac) };
};

export const bundleMac = (macKey: Buffer, bundle: Omit<BundleFile, 'mac'>): string =>
  createHmac('sha256', macKey).update(bundleMacText(bundle)).digest('base64url');

/** Parses the file's outer shape (no secret needed): tells which device's key opens it. */
export const readBundleFile = (text: string): BundleFile | null => {
  try {
    const parsed = bundleFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

const payloadSchema = z.object({ items: z.array(z.unknown()).min(1).max(maxBundleItems) }).strict();

/**
 * Checks the mac (constant time), decrypts (AES-256-GCM, the header as additional data) and
 * unpacks the items. Any change to any byte of the file makes this return null.
 */
export const openBundle = (bundle: BundleFile, bundleKey: string): unknown[] | null => {
  const keys = bundleKeys(bundleKey, bundle.bundleId);
  const { mac, ...rest } = bundle;
  const expected = Buffer.from(bundleMac(keys.mac, rest), 'base64url');
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.enc, Buffer.from(bundle.iv, 'base64url'));
    decipher.setAAD(Buffer.from(bundleHeaderText(bundle)));
    decipher.setAuthTag(Buffer.from(bundle.tag, 'base64url'));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(bundle.ciphertext, 'base64url')),
      decipher.final(),
    ]);
    const parsed = payloadSchema.safeParse(JSON.parse(gunzipSync(plain).toString('utf8')));
    if (!parsed.success || parsed.data.items.length !== bundle.itemCount) return null;
    return parsed.data.items;
  } catch {
    return null;
  }
};
