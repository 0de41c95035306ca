import { createHash } from 'node:crypto';

/** Fixed namespace for Chispa attendance ids (a random UUID chosen once; never change it). */
export const attendanceNamespace = '6f1d3c2a-8b4e-4f7a-9c1d-2e5b7a9f0c31';

const uuidBytes = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ''), 'hex');

/** RFC 4122 version-5 UUID (SHA-1 of namespace + name). */
export const uuidV5 = (name: string, namespace: string): string => {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The attendance id is a pure function of (centre, session, person): the same person checked in
 * to the same session on any device gets the same id, so rows collapse instead of duplicating.
 */
export const attendanceIdFor = (centre: string, sessionId: string, personId: string): string =>
  uuidV5(`${centre}\u0000${sessionId}\u0000${personId}`, attendanceNamespace);
