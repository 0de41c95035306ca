/**
 * Incremental parser for one STK500v1 answer: [junk…] INSYNC data×N OK. Bytes may arrive in any
 * chunking. Junk before INSYNC is skipped (a bootloader that just reset, or a running sketch's
 * last output, can leave bytes in the line) and counted so the caller can tell "garbage" from
 * "silence".
 */
import { Stk } from './constants';

export type Stk500Answer =
  | { status: 'pending' }
  | { status: 'ok'; data: Uint8Array }
  | { status: 'nosync' }
  | { status: 'failed'; byte: number };

export interface Stk500ResponseParser {
  /** Feeds bytes; returns the answer once complete. Bytes after a complete answer are returned in `rest`. */
  push(bytes: Uint8Array): { answer: Stk500Answer; rest: Uint8Array };
  /** Bytes that were skipped before INSYNC. */
  readonly junkBytes: number;
}

export const createResponseParser = (dataLength: number): Stk500ResponseParser => {
  let phase: 'sync' | 'data' | 'end' | 'done' = 'sync';
  const data = new Uint8Array(dataLength);
  let filled = 0;
  let junk = 0;
  let answer: Stk500Answer = { status: 'pending' };
  return {
    get junkBytes() {
      return junk;
    },
    push(bytes) {
      let index = 0;
      while (index < bytes.length && phase !== 'done') {
        const byte = bytes[index++];
        if (phase === 'sync') {
          if (byte === Stk.INSYNC) phase = dataLength > 0 ? 'data' : 'end';
          else if (byte === Stk.NOSYNC) {
            answer = { status: 'nosync' };
            phase = 'done';
          } else junk += 1;
        } else if (phase === 'data') {
          data[filled++] = byte;
          if (filled === dataLength) phase = 'end';
        } else {
          answer = byte === Stk.OK ? { status: 'ok', data } : { status: 'failed', byte };
          phase = 'done';
        }
      }
      return { answer, rest: bytes.subarray(index) };
    },
  };
};
