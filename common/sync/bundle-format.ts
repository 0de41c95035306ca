import { z } from 'zod';

/**
 * A USB sync bundle: the items a device could not send, sealed with the per-device bundle key
 * from enrolment. The file is this JSON object (UTF-8). Sealing, in order:
 * 1. plaintext = gzip(JSON.stringify({ items: SyncItem[] })), at most maxBundleItems items;
 * 2. encKey = HKDF-SHA256(bundleKey, salt = bundleId, info = 'chispa-bundle-enc', 32 bytes),
 *    macKey = HKDF-SHA256(bundleKey, salt = bundleId, info = 'chispa-bundle-mac', 32 bytes);
 * 3. AES-256-GCM with a random 12-byte iv and additional data = bundleHeaderText(header);
 * 4. mac = HMAC-SHA256(macKey, bundleMacText(bundle without mac)), base64url.
 * The tracker checks: format and version, a known device that is not revoked, the mac (constant
 * time), then decrypts (GCM tag), gunzips and validates each item as in a sync batch. A bundle is
 * imported through the same idempotent path as a sync: importing it twice changes nothing.
 */
export const bundleFormat = 'chispa-sync-bundle';
export const bundleVersion = 1;
export const maxBundleItems = 200_000;
export const bundleHkdfInfo = { enc: 'chispa-bundle-enc', mac: 'chispa-bundle-mac' } as const;

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected base64url');

export const bundleHeaderSchema = z
  .object({
    format: z.literal(bundleFormat),
    version: z.literal(bundleVersion),
    bundleId: z.string().uuid(),
    deviceId: z.string().uuid(),
    createdAt: z.string().datetime({ offset: true }),
    itemCount: z.number().int().min(1).max(maxBundleItems),
  })
  .strict();
export type BundleHeader = z.infer<typeof bundleHeaderSchema>;

export const bundleFileSchema = bundleHeaderSchema
  .extend({ iv: base64url, ciphertext: base64url, tag: base64url, mac: base64url })
  .strict();
export type BundleFile = z.infer<typeof bundleFileSchema>;

/** The GCM additional data: every header field in a fixed order. */
export const bundleHeaderText = (h: BundleHeader): string =>
  [h.format, h.version, h.bundleId, h.deviceId, h.createdAt, h.itemCount].join('\n');

/** The text the mac covers: the header text, then iv, ciphertext and tag. */
export const bundleMacText = (b: Omit<BundleFile, 'mac'>): string =>
  [bundleHeaderText(b), b.iv, b.ciphertext, b.tag].join('\n');

/** Bundle items are imported in chunks of this size, each with key `${bundleId}:${chunkIndex}`. */
export const bundleChunkIdempotencyKey = (bundleId: string, chunkIndex: number): string =>
  `bundle:${bundleId}:${chunkIndex}`;
