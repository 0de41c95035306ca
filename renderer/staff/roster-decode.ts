/**
 * Turns a roster file's bytes into text whatever program saved it. The rule, with the browser's
 * own TextDecoder (WHATWG Encoding, no library needed):
 * 1. a byte-order mark decides: EF BB BF = UTF-8, FF FE = UTF-16LE, FE FF = UTF-16BE;
 * 2. without one, many zero bytes on odd (or even) positions mean UTF-16LE (or BE);
 * 3. bytes that are valid UTF-8 are UTF-8 (accented text in Windows-1252 practically never is);
 * 4. anything else is Windows-1252, what Excel on Spanish Windows writes as "CSV".
 */
export type RosterEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const zeroShare = (bytes: Uint8Array, parity: 0 | 1): number => {
  let zeros = 0;
  let total = 0;
  for (let i = parity; i < Math.min(bytes.length, 4096); i += 2) {
    total++;
    if (bytes[i] === 0) zeros++;
  }
  return total === 0 ? 0 : zeros / total;
};

export const detectRosterEncoding = (bytes: Uint8Array): RosterEncoding => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length >= 4 && zeroShare(bytes, 1) > 0.3 && zeroShare(bytes, 0) < 0.05) return 'utf-16le';
  if (bytes.length >= 4 && zeroShare(bytes, 0) > 0.3 && zeroShare(bytes, 1) < 0.05) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
};

/** The text (without a byte-order mark) and the encoding it was read with. */
export const decodeRoster = (bytes: Uint8Array): { text: string; encoding: RosterEncoding } => {
  const encoding = detectRosterEncoding(bytes);
  // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
};
