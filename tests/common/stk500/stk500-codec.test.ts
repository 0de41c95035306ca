import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIntelHex } from '../../../common/intel-hex';
import * as cmd from '../../../common/stk500/commands';
import {
  firstMismatch,
  fitsBelowBootloader,
  formatSignature,
  paginate,
} from '../../../common/stk500/flash-pages';
import { createResponseParser } from '../../../common/stk500/response-parser';

const OPTIBOOT = '/usr/share/arduino/hardware/arduino/avr/bootloaders/optiboot/optiboot_atmega328.hex';

describe('STK500v1 command framing', () => {
  it('frames the commands avrdude sends byte for byte', () => {
    expect([...cmd.getSync().bytes]).toEqual([0x30, 0x20]);
    expect([...cmd.readSignature().bytes]).toEqual([0x75, 0x20]);
    expect(cmd.readSignature().responseDataLength).toBe(3);
    expect([...cmd.enterProgMode().bytes]).toEqual([0x50, 0x20]);
    expect([...cmd.leaveProgMode().bytes]).toEqual([0x51, 0x20]);
    // Byte address 0x3F00 is word 0x1F80, little-endian.
    expect([...cmd.loadAddress(0x3f00).bytes]).toEqual([0x55, 0x80, 0x1f, 0x20]);
    expect([...cmd.readPage(128).bytes]).toEqual([0x74, 0x00, 0x80, 0x46, 0x20]);
    const page = new Uint8Array(128).map((_, index) => index);
    const prog = cmd.progPage(page).bytes;
    expect([...prog.subarray(0, 4)]).toEqual([0x64, 0x00, 0x80, 0x46]);
    expect(prog.length).toBe(4 + 128 + 1);
    expect(prog[prog.length - 1]).toBe(0x20);
    expect(prog[4 + 127]).toBe(127);
  });

  it('refuses odd addresses and impossible page lengths', () => {
    expect(() => cmd.loadAddress(3)).toThrow(RangeError);
    expect(() => cmd.readPage(0)).toThrow(RangeError);
    expect(() => cmd.progPage(new Uint8Array(300))).toThrow(RangeError);
  });
});

describe('STK500v1 answer parser', () => {
  it('parses an answer split across chunks, skipping leading junk', () => {
    const parser = createResponseParser(3);
    expect(parser.push(Uint8Array.of(0x00, 0xfe)).answer.status).toBe('pending');
    expect(parser.push(Uint8Array.of(0x14, 0x1e)).answer.status).toBe('pending');
    const { answer, rest } = parser.push(Uint8Array.of(0x95, 0x0f, 0x10, 0x99));
    expect(answer.status).toBe('ok');
    if (answer.status === 'ok') expect(formatSignature(answer.data)).toBe('1E 95 0F');
    expect([...rest]).toEqual([0x99]);
    expect(parser.junkBytes).toBe(2);
  });

  it('reports NOSYNC and a missing OK', () => {
    expect(createResponseParser(0).push(Uint8Array.of(0x15)).answer.status).toBe('nosync');
    const failed = createResponseParser(0).push(Uint8Array.of(0x14, 0x11)).answer;
    expect(failed).toEqual({ status: 'failed', byte: 0x11 });
  });

  it('treats a data byte equal to INSYNC or OK as data', () => {
    const { answer } = createResponseParser(2).push(Uint8Array.of(0x14, 0x10, 0x14, 0x10));
    expect(answer.status).toBe('ok');
    if (answer.status === 'ok') expect([...answer.data]).toEqual([0x10, 0x14]);
  });
});

describe('flash pages from an Intel HEX image', () => {
  it('pads the last page with erased bytes and keeps addresses page-aligned', () => {
    const image = parseIntelHex(':0400000001020304F2\n:00000001FF\n').data;
    const pages = paginate(image, 128);
    expect(pages).toHaveLength(1);
    expect([...pages[0].data.subarray(0, 5)]).toEqual([1, 2, 3, 4, 0xff]);
    expect(paginate(new Uint8Array(300), 128).map((page) => page.address)).toEqual([0, 128, 256]);
  });

  it('finds the first differing byte address', () => {
    const [page] = paginate(new Uint8Array(256).fill(7), 128).slice(1);
    const read = page.data.slice();
    expect(firstMismatch(page, read)).toBeNull();
    read[5] = 0;
    expect(firstMismatch(page, read)).toBe(128 + 5);
  });

  it('knows the optiboot image lives above the application area', () => {
    const optiboot = parseIntelHex(readFileSync(OPTIBOOT, 'utf8'));
    expect(optiboot.data[0x7e00]).not.toBe(0xff);
    expect(fitsBelowBootloader(optiboot.data)).toBe(false);
    expect(fitsBelowBootloader(new Uint8Array(0x7e00))).toBe(true);
  });
});
