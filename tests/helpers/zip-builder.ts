import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * Builds zip files by hand for the pack tests: honest ones, and the malicious ones a real zip
 * tool refuses to make (names with "../", sizes in the headers that lie, a 1 GB bomb).
 */
export interface ZipEntryInput {
  name: string;
  data?: Buffer | string;
  /** Already-deflated data with its real size and CRC (for the bomb). */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** What the headers claim the entry inflates to (default: the truth). */
  claimedSize?: number;
  /** Unix mode in the external attributes (e.g. 0o120777 for a symlink). */
  unixMode?: number;
}

export const buildZip = (entries: ZipEntryInput[]): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = entry.data === undefined ? Buffer.alloc(0) : Buffer.from(entry.data);
    const body = entry.deflated?.bytes ?? deflateRawSync(raw);
    const size = entry.claimedSize ?? entry.deflated?.size ?? raw.length;
    const crc = entry.deflated?.crc ?? crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

/** `size` zero bytes deflated as a stream (never held whole in memory): about 1 MB per GB. */
export const deflateZeros = async (size: number): Promise<{ bytes: Buffer; size: number; crc: number }> => {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, size - written));
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { bytes: Buffer.concat(out), size, crc };
};
