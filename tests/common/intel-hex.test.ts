import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IntelHexError, parseIntelHex } from '../../common/intel-hex';

const OPTIBOOT = '/usr/share/arduino/hardware/arduino/avr/bootloaders/optiboot/optiboot_atmega328.hex';
if (!existsSync(OPTIBOOT)) {
  console.warn(`optiboot parse test skipped: ${OPTIBOOT} missing (apt-get install arduino-core-avr)`);
}

function expectHexError(text: string, reason: IntelHexError['reason'], line: number): void {
  try {
    parseIntelHex(text);
  } catch (error) {
    expect(error).toBeInstanceOf(IntelHexError);
    expect((error as IntelHexError).reason).toBe(reason);
    expect((error as IntelHexError).line).toBe(line);
    return;
  }
  throw new Error(`expected an IntelHexError (${reason})`);
}

describe('parseIntelHex', () => {
  it('builds a flat image from address 0 with 0xFF gaps', () => {
    const image = parseIntelHex(':03000400010203F3\n:00000001FF\n');
    expect(image.size).toBe(7);
    expect(Array.from(image.data)).toEqual([0xff, 0xff, 0xff, 0xff, 1, 2, 3]);
  });

  it('reports the lowest address two records both write (null when none overlap)', () => {
    expect(parseIntelHex(':03000400010203F3\n:00000001FF\n').firstOverlap).toBeNull();
    const overlapping = parseIntelHex(':03000400010203F3\n:02000500AAAAA5\n:00000001FF\n');
    expect(overlapping.firstOverlap).toBe(5);
    expect(Array.from(overlapping.data.subarray(4))).toEqual([1, 0xaa, 0xaa]);
  });

  it('applies extended linear (04) and segment (02) address records', () => {
    const linear = parseIntelHex(':020000040001F9\n:01000000AA55\n:00000001FF\n');
    expect(linear.size).toBe(0x10001);
    expect(linear.data[0x10000]).toBe(0xaa);
    const segment = parseIntelHex(':020000021000EC\n:01000200BB42\n:00000001FF\n');
    expect(segment.data[0x10002]).toBe(0xbb);
  });

  it('accepts CRLF and blank lines, ignores start-address records', () => {
    const image = parseIntelHex('\r\n:0400000500007E0079\r\n:0100000011EE\r\n:00000001FF\r\n\r\n');
    expect(Array.from(image.data)).toEqual([0x11]);
  });

  it('reports a bad checksum with the line and the expected value', () => {
    expectHexError(':0100000011EE\n:0100010022DD\n:00000001FF\n', 'checksum', 2);
    expect(() => parseIntelHex(':0100010022DD\n:00000001FF')).toThrow(
      /line 1: bad checksum 0xDD \(expected 0xDC\)/,
    );
  });

  it('rejects malformed records, unknown types, truncation and data after EOF', () => {
    expectHexError('hello\n', 'syntax', 1);
    expectHexError(':0100000011\n', 'length', 1);
    expectHexError(':02000000110A\n', 'length', 1); // count says 2, only 1 data byte
    expectHexError(':0000000BF5\n', 'record-type', 1);
    expectHexError(':0100000011EE\n', 'no-eof', 0);
    expectHexError(':00000001FF\n:0100000011EE\n', 'after-eof', 2);
  });

  it.skipIf(!existsSync(OPTIBOOT))(
    "parses Debian's optiboot (532 bytes at 0x7E00, past the end of 32 KiB)",
    () => {
      const image = parseIntelHex(readFileSync(OPTIBOOT, 'utf8'));
      expect(image.size).toBe(0x7e00 + 532);
      expect(image.data[0x7e00]).toBe(0x11); // eor r1, r1
    },
  );
});
