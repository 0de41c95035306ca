/**
 * The uploader's I/O loop: one STK500v1 command in flight at a time over a byte stream, with a
 * timeout per answer. The protocol itself (encoding, answer parsing) is pure, in common/stk500.
 */
import { createResponseParser } from '../../common/stk500/response-parser';
import type { Stk500Command } from '../../common/stk500/commands';

/** Any byte stream: a SerialPort fits. */
export interface ByteStream {
  write(data: Buffer, callback?: (error?: Error | null) => void): unknown;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  off(event: 'data', listener: (data: Buffer) => void): unknown;
}

export type Stk500FailureKind = 'timeout' | 'nosync' | 'failed' | 'write' | 'closed';

export class Stk500Failure extends Error {
  constructor(
    readonly kind: Stk500FailureKind,
    readonly command: string,
    readonly junkBytes: number,
  ) {
    super(`${command}: ${kind}`);
    this.name = 'Stk500Failure';
  }
}

export interface Stk500Link {
  send(command: Stk500Command, timeoutMs: number): Promise<Uint8Array>;
  /**
   * Writes several commands at once and collects their answers in order. Only for short chains
   * the bootloader reads while polling the UART (LOAD_ADDRESS + PROG_PAGE / READ_PAGE): never
   * send anything while a page is being written, the UART has a 2-byte buffer.
   */
  sendAll(commands: Stk500Command[], timeoutMs: number): Promise<Uint8Array[]>;
  /** Drops bytes received so far (after a reset the line may hold junk). */
  discardInput(): void;
  /**
   * Discards input until the line has been quiet for quietMs (answers to commands a dead
   * bootloader queued, a USB-serial chip's buffer). Resolves with the bytes discarded.
   */
  drainUntilQuiet(quietMs: number, maxMs: number, expectedBytes?: number): Promise<number>;
  /** The port closed under us (cable pulled): fail the exchange in flight and any later one. */
  markClosed(): void;
  /** Total bytes seen that were not part of an answer (garbage vs silence). */
  readonly junkBytes: number;
  dispose(): void;
}

export const createStk500Link = (stream: ByteStream): Stk500Link => {
  let buffered = new Uint8Array(0);
  let junkTotal = 0;
  let waiter: ((bytes: Uint8Array) => void) | null = null;
  /** Ends the exchange in flight at once (the port closed: no answer will ever come). */
  let abortInFlight: (() => void) | null = null;
  let closed = false;
  const onData = (data: Buffer): void => {
    const chunk = new Uint8Array(data.buffer, data.byteOffset, data.length);
    if (waiter) waiter(chunk);
    else {
      const merged = new Uint8Array(buffered.length + chunk.length);
      merged.set(buffered);
      merged.set(chunk, buffered.length);
      buffered = merged;
    }
  };
  stream.on('data', onData);
  let busy = false;
  return {
    get junkBytes() {
      return junkTotal;
    },
    discardInput() {
      junkTotal += buffered.length;
      buffered = new Uint8Array(0);
    },
    async drainUntilQuiet(quietMs, maxMs, expectedBytes = Infinity) {
      const deadline = Date.now() + maxMs;
      let drained = 0;
      let quietSince = Date.now();
      for (;;) {
        if (buffered.length) quietSince = Date.now();
        drained += buffered.length;
        buffered = new Uint8Array(0);
        const now = Date.now();
        if (drained >= expectedBytes || now - quietSince >= quietMs || now >= deadline) return drained;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    send(command, timeoutMs) {
      return this.sendAll([command], timeoutMs).then((answers) => answers[0]);
    },
    sendAll(commands, timeoutMs) {
      if (busy) return Promise.reject(new Error('STK500 link: one exchange at a time'));
      busy = true;
      return new Promise<Uint8Array[]>((resolve, reject) => {
        const answers: Uint8Array[] = [];
        let parser = createResponseParser(commands[0].responseDataLength);
        let junkHere = 0;
        let settled = false;
        const finish = (
          outcome: 'ok' | 'timeout' | 'write' | 'nosync' | 'failed' | 'closed',
          rest?: Uint8Array,
        ): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          waiter = null;
          abortInFlight = null;
          busy = false;
          junkHere += parser.junkBytes;
          junkTotal += junkHere;
          // Bytes after the last answer belong to nothing we asked: keep them as junk input.
          buffered = rest && rest.length ? rest.slice() : new Uint8Array(0);
          if (outcome === 'ok') resolve(answers);
          else
            reject(new Stk500Failure(outcome, commands[answers.length]?.name ?? commands[0].name, junkHere));
        };
        const feed = (bytes: Uint8Array): void => {
          let pending = bytes;
          while (!settled) {
            const { answer, rest } = parser.push(pending);
            if (answer.status === 'pending') return;
            if (answer.status !== 'ok') return finish(answer.status, rest);
            answers.push(answer.data.slice());
            if (answers.length === commands.length) return finish('ok', rest);
            junkHere += parser.junkBytes;
            parser = createResponseParser(commands[answers.length].responseDataLength);
            pending = rest;
          }
        };
        const timer = setTimeout(() => finish('timeout'), timeoutMs);
        if (closed) return finish('closed');
        waiter = feed;
        abortInFlight = () => finish('closed');
        // Anything that arrived before this exchange (a late answer to a timed-out command, boot
        // noise) must not be taken for its answer.
        junkTotal += buffered.length;
        buffered = new Uint8Array(0);
        const bytes = Buffer.concat(commands.map((command) => Buffer.from(command.bytes)));
        stream.write(bytes, (error) => {
          if (error) finish('write');
        });
      });
    },
    markClosed() {
      closed = true;
      abortInFlight?.();
    },
    dispose() {
      stream.off('data', onData);
      waiter = null;
    },
  };
};
