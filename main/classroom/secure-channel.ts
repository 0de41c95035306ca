/**
 * The classroom's secure channel (docs/classroom.md, "Security"): a CPace-style balanced PAKE on
 * ristretto255 (@noble/curves) keyed by the join code (or, once admitted, by the PC's per-class
 * credential), then AES-256-GCM frames with a per-direction counter as the nonce.
 *
 * - A wrong secret gives a different key: the MAC in `accept`/`confirm` fails and the connection
 *   ends. Each try tests one guess only (no offline dictionary from a captured handshake).
 * - Frames must arrive with exactly the next counter: a replayed, reordered or dropped frame, or
 *   one with a changed bit, fails and ends the connection.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';

const dst = 'chispa-classroom-cpace-ristretto255-v1';
const frameHeaderBytes = 8;
const tagBytes = 16;

export type JoinMode = 'code' | 'credential';

export const toB64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
export const fromB64 = (text: string): Buffer => Buffer.from(text, 'base64url');

/** Length-prefixed concatenation: no two different lists encode to the same bytes. */
const lengthPrefixed = (parts: Array<Uint8Array | string>): Buffer =>
  Buffer.concat(
    parts.flatMap((part) => {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  );

export interface HandshakeContext {
  classId: string;
  serverNonce: string;
  clientNonce: string;
  pcId: string;
  mode: JoinMode;
}

const generator = (secret: string, ctx: HandshakeContext) =>
  ristretto255_hasher.hashToCurve(
    lengthPrefixed([secret, ctx.classId, ctx.serverNonce, ctx.clientNonce, ctx.pcId, ctx.mode]),
    { DST: dst },
  );

/** One side's ephemeral share: a random scalar times the secret-derived generator. */
export const makeShare = (secret: string, ctx: HandshakeContext) => {
  const scalar = ristretto255_hasher.hashToScalar(randomBytes(64), { DST: `${dst}-scalar` });
  const share = generator(secret, ctx).multiply(scalar);
  return { scalar, share: toB64(share.toBytes()) };
};

export interface SessionKeys {
  clientToServer: Buffer;
  serverToClient: Buffer;
  serverMac: Buffer;
  clientMac: Buffer;
}

/** Both sides' keys from my scalar and the peer's share; null when the share is not a valid point. */
export const deriveKeys = (
  scalar: bigint,
  peerShare: string,
  transcript: { ctx: HandshakeContext; clientShare: string; serverShare: string },
): SessionKeys | null => {
  let shared: Uint8Array;
  try {
    const point = ristretto255.Point.fromBytes(fromB64(peerShare));
    if (point.is0()) return null;
    const product = point.multiply(scalar);
    if (product.is0()) return null;
    shared = product.toBytes();
  } catch {
    return null;
  }
  const { ctx } = transcript;
  const salt = createHash('sha256')
    .update(
      lengthPrefixed([
        ctx.classId,
        ctx.serverNonce,
        ctx.clientNonce,
        ctx.pcId,
        ctx.mode,
        transcript.clientShare,
        transcript.serverShare,
      ]),
    )
    .digest();
  const okm = Buffer.from(hkdfSync('sha256', shared, salt, dst, 128));
  return {
    clientToServer: okm.subarray(0, 32),
    serverToClient: okm.subarray(32, 64),
    serverMac: okm.subarray(64, 96),
    clientMac: okm.subarray(96, 128),
  };
};

export const confirmationMac = (key: Buffer, side: 'server' | 'client'): string =>
  toB64(createHmac('sha256', key).update(side).digest());

export const macMatches = (expected: string, got: string): boolean => {
  const a = fromB64(expected);
  const b = fromB64(got);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * AES-256-GCM frames: 8-byte big-endian counter (authenticated, and the nonce with a direction
 * byte), ciphertext, 16-byte tag. `open` accepts only the next counter.
 */
export const createFrameCodec = (keys: { send: Buffer; receive: Buffer; sendDirection: number }) => {
  let sent = 0n;
  let expected = 0n;
  const nonce = (direction: number, counter: bigint) => {
    const bytes = Buffer.alloc(12);
    bytes.writeUInt8(direction, 0);
    bytes.writeBigUInt64BE(counter, 4);
    return bytes;
  };
  return {
    seal(plaintext: string): Buffer {
      const header = Buffer.alloc(frameHeaderBytes);
      header.writeBigUInt64BE(sent);
      const cipher = createCipheriv('aes-256-gcm', keys.send, nonce(keys.sendDirection, sent));
      cipher.setAAD(header);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      sent++;
      return Buffer.concat([header, body, cipher.getAuthTag()]);
    },
    /** The plaintext, or null for a frame that is replayed, out of order, too short or altered. */
    open(frame: Buffer): string | null {
      if (frame.length < frameHeaderBytes + tagBytes) return null;
      const counter = frame.readBigUInt64BE(0);
      if (counter !== expected) return null;
      try {
        const decipher = createDecipheriv(
          'aes-256-gcm',
          keys.receive,
          nonce(1 - keys.sendDirection, counter),
        );
        decipher.setAAD(frame.subarray(0, frameHeaderBytes));
        decipher.setAuthTag(frame.subarray(frame.length - tagBytes));
        const text = Buffer.concat([
          decipher.update(frame.subarray(frameHeaderBytes, frame.length - tagBytes)),
          decipher.final(),
        ]).toString('utf8');
        expected++;
        return text;
      } catch {
        return null;
      }
    },
  };
};
export type FrameCodec = ReturnType<typeof createFrameCodec>;

export const randomToken = (bytes: number): string => toB64(randomBytes(bytes));
