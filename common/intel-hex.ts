/**
 * Intel HEX parser (pure). Turns the text of a .hex file into a flat byte image starting at
 * address 0, with unwritten bytes left at 0xFF (erased flash). Used by the virtual Uno to load
 * firmware and bootloaders and by the STK500 uploader to know what to write.
 */

export interface IntelHexImage {
  /** Flat image from address 0; length === size. Gaps are 0xFF. */
  data: Uint8Array;
  /** One past the highest address written by a data record (0 for an empty file). */
  size: number;
  /** Lowest address two records both write (a layout that overflows into itself), else null. */
  firstOverlap: number | null;
}

export class IntelHexError extends Error {
  /** 1-based line number of the offending record (0 when the whole file is at fault). */
  readonly line: number;
  readonly reason: 'syntax' | 'checksum' | 'length' | 'record-type' | 'no-eof' | 'too-large' | 'after-eof';

  constructor(line: number, reason: IntelHexError['reason'], message: string) {
    super(line > 0 ? `Intel HEX line ${line}: ${message}` : `Intel HEX: ${message}`);
    this.name = 'IntelHexError';
    this.line = line;
    this.reason = reason;
  }
}

/** Refuse images above 1 MiB: no AVR we target has more flash, and it guards memory. */
const MAX_IMAGE_BYTES = 1 << 20;

export function parseIntelHex(text: string): IntelHexImage {
  const chunks: { address: number; bytes: Uint8Array }[] = [];
  let base = 0;
  let size = 0;
  let sawEof = false;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1;
    const line = lines[index].trim();
    if (line === '') continue;
    if (sawEof) throw new IntelHexError(lineNo, 'after-eof', 'data after the end-of-file record');
    if (!/^:([0-9A-Fa-f]{2})+$/.test(line)) {
      throw new IntelHexError(lineNo, 'syntax', 'not a record (expected ":" followed by hex byte pairs)');
    }
    const bytes = new Uint8Array((line.length - 1) / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(line.substr(1 + i * 2, 2), 16);
    if (bytes.length < 5) throw new IntelHexError(lineNo, 'length', 'record too short');
    const count = bytes[0];
    if (bytes.length !== count + 5) {
      throw new IntelHexError(lineNo, 'length', `byte count ${count} does not match the record length`);
    }
    const sum = bytes.reduce((acc, b) => (acc + b) & 0xff, 0);
    if (sum !== 0) {
      const expected = (0x100 - (bytes.subarray(0, -1).reduce((acc, b) => acc + b, 0) & 0xff)) & 0xff;
      throw new IntelHexError(
        lineNo,
        'checksum',
        `bad checksum 0x${hex2(bytes[bytes.length - 1])} (expected 0x${hex2(expected)})`,
      );
    }
    const offset = (bytes[1] << 8) | bytes[2];
    const type = bytes[3];
    const payload = bytes.subarray(4, 4 + count);
    switch (type) {
      case 0x00: {
        const address = base + offset;
        const end = address + count;
        if (end > MAX_IMAGE_BYTES) throw new IntelHexError(lineNo, 'too-large', 'address beyond 1 MiB');
        chunks.push({ address, bytes: payload });
        size = Math.max(size, end);
        break;
      }
      case 0x01:
        sawEof = true;
        break;
      case 0x02:
        if (count !== 2) throw new IntelHexError(lineNo, 'length', 'segment address record needs 2 bytes');
        base = ((payload[0] << 8) | payload[1]) << 4;
        break;
      case 0x04:
        if (count !== 2) throw new IntelHexError(lineNo, 'length', 'linear address record needs 2 bytes');
        base = ((payload[0] << 8) | payload[1]) * 0x10000;
        break;
      case 0x03:
      case 0x05:
        break; // start address records: meaningless for an AVR image
      default:
        throw new IntelHexError(lineNo, 'record-type', `unknown record type 0x${hex2(type)}`);
    }
  }
  if (!sawEof) throw new IntelHexError(0, 'no-eof', 'missing end-of-file record (file truncated?)');
  const data = new Uint8Array(size).fill(0xff);
  const written = new Uint8Array(size);
  let firstOverlap: number | null = null;
  for (const chunk of chunks) {
    data.set(chunk.bytes, chunk.address);
    for (let address = chunk.address; address < chunk.address + chunk.bytes.length; address++) {
      if (written[address] && (firstOverlap === null || address < firstOverlap)) firstOverlap = address;
      written[address] = 1;
    }
  }
  return { data, size, firstOverlap };
}

function hex2(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}
