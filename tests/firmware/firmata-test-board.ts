/**
 * Raw-bytes harness for the firmware tests: the committed hex in the virtual Uno core, bytes in,
 * Firmata messages out, simulated time advanced explicitly (no johnny-five involved).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VirtualUnoCore } from '../../main/virtual-uno/virtual-uno-core';

export const FIRMWARE_HEX_PATH = fileURLToPath(new URL('../../firmware/chispa-firmata.hex', import.meta.url));

export type FirmataFrame =
  | { kind: 'version'; major: number; minor: number }
  | { kind: 'analog'; channel: number; value: number }
  | { kind: 'digital'; port: number; value: number }
  | { kind: 'sysex'; command: number; data: number[] };

/** Splits the board's byte stream into Firmata messages (what a host parser would see). */
export function parseFirmata(bytes: number[]): FirmataFrame[] {
  const frames: FirmataFrame[] = [];
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i];
    if (byte === 0xf0) {
      const end = bytes.indexOf(0xf7, i);
      if (end < 0) break;
      frames.push({ kind: 'sysex', command: bytes[i + 1], data: bytes.slice(i + 2, end) });
      i = end + 1;
    } else if (byte === 0xf9 || (byte & 0xf0) === 0xe0 || (byte & 0xf0) === 0x90) {
      if (i + 2 >= bytes.length) break;
      const a = bytes[i + 1];
      const b = bytes[i + 2];
      if (byte === 0xf9) frames.push({ kind: 'version', major: a, minor: b });
      else if ((byte & 0xf0) === 0xe0)
        frames.push({ kind: 'analog', channel: byte & 0x0f, value: a | (b << 7) });
      else frames.push({ kind: 'digital', port: byte & 0x0f, value: a | (b << 7) });
      i += 3;
    } else {
      throw new Error(`unexpected byte 0x${byte.toString(16)} at ${i}`);
    }
  }
  return frames;
}

/** Decodes 7-bit pairs (LSB first) into values. */
export const decode14 = (data: number[]): number[] =>
  Array.from({ length: data.length >> 1 }, (_, i) => data[2 * i] | (data[2 * i + 1] << 7));

export const encode14 = (value: number): number[] => [value & 0x7f, (value >> 7) & 0x7f];

export class FirmataTestBoard {
  readonly core: VirtualUnoCore;
  private received: number[] = [];

  constructor(flashHex = readFileSync(FIRMWARE_HEX_PATH, 'utf8')) {
    this.core = new VirtualUnoCore({ flashHex });
    this.core.onUartTransmit((byte) => this.received.push(byte));
  }

  send(...bytes: number[]): this {
    this.core.uartWrite(Uint8Array.from(bytes));
    return this;
  }

  run(ms: number): this {
    this.core.runMs(ms);
    return this;
  }

  /** Messages received since the last call. */
  take(): FirmataFrame[] {
    const frames = parseFirmata(this.received);
    this.received = [];
    return frames;
  }

  /** Sends a sysex query and returns the first sysex reply with `replyCommand`. */
  query(bytes: number[], replyCommand: number, ms = 60): number[] {
    this.take();
    this.send(...bytes).run(ms);
    const reply = this.take().find((frame) => frame.kind === 'sysex' && frame.command === replyCommand);
    if (!reply || reply.kind !== 'sysex') throw new Error(`no sysex 0x${replyCommand.toString(16)} reply`);
    return reply.data;
  }
}
