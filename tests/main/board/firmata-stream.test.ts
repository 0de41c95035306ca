import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FirmataStream } from '../../../main/board/firmata-stream';
import type { FirmataIo } from '../../../main/board/vendor';

const { Firmata } = createRequire(import.meta.url)('firmata-io') as {
  Firmata: new (transport: unknown, options: object) => FirmataIo & NodeJS.EventEmitter;
};
const REPORT_VERSION = [0xf9, 2, 5];

describe('FirmataStream (the one shape of a board byte stream for firmata-io)', () => {
  it('holds what the board said before firmata-io existed, then announces open and replays it in order', () => {
    const stream = new FirmataStream(() => undefined);
    stream.push(Buffer.from(REPORT_VERSION.slice(0, 1)));
    stream.push(new Uint8Array(REPORT_VERSION.slice(1)));
    const io = new Firmata(stream, { reportVersionTimeout: 60_000, skipCapabilities: true });
    const events: string[] = [];
    io.on('open', () => events.push('open'));
    io.on('reportversion', () => events.push('version'));
    expect(events).toEqual([]);
    stream.start();
    expect(events).toEqual(['open', 'version']);
    expect(io.version).toEqual({ major: 2, minor: 5 });
    stream.start();
    expect(events).toEqual(['open', 'version']); // 'open' only once
    stream.close();
  });

  it('counts written bytes, always calls back, and refuses writes after close', async () => {
    const sent: number[] = [];
    const stream = new FirmataStream((bytes, done) => {
      sent.push(...bytes);
      done(null);
    });
    await new Promise((resolve) => stream.write([0xf0, 0x79, 0xf7], resolve));
    expect(sent).toEqual([0xf0, 0x79, 0xf7]);
    expect(stream.bytesWritten).toBe(3);
    const closed = new Promise((resolve) => stream.on('close', resolve));
    stream.close();
    await closed;
    expect(stream.isOpen).toBe(false);
    const error = await new Promise((resolve) => stream.write([1], resolve));
    expect(error).toBeInstanceOf(Error);
    expect(sent).toHaveLength(3);
  });

  it('keeps a listener that throws (garbage for the parser) from escaping, and reports it', () => {
    const stream = new FirmataStream(() => undefined);
    const errors: unknown[] = [];
    stream.on('data', () => {
      throw new Error('parser choked');
    });
    stream.start((error) => errors.push(error));
    expect(() => stream.push(Buffer.from([0xff]))).not.toThrow();
    expect(errors).toHaveLength(1);
  });

  it('keeps at most 64 KiB for a listener that never comes, newest first kept, and nothing after close', async () => {
    const stream = new FirmataStream(() => undefined);
    for (let i = 0; i < 100; i++) stream.push(Buffer.alloc(1024, i));
    stream.start();
    const received: Buffer[] = [];
    stream.on('data', (data: Buffer) => received.push(data));
    await new Promise((resolve) => setImmediate(resolve));
    const all = Buffer.concat(received);
    expect(all.length).toBe(64 * 1024);
    expect(all.at(-1)).toBe(99);
    stream.close();
    stream.push(Buffer.from([1]));
    expect(Buffer.concat(received).length).toBe(64 * 1024);
  });
});
