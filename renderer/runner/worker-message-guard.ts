/**
 * The page's check on what comes out of a program worker (which runs code from a project file):
 * only well-formed messages of the protocol pass, with bounded sizes, and highlight and print
 * messages at most at the worker host's own rate (twice over, for timer jitter) — a worker that
 * somehow posted on its own still could not flood the console or forge more output than a program
 * may print. Excess prints are counted as dropped lines.
 */
import { isWorkerMessage, type WorkerToPage } from './program-protocol';
import { maxBufferedLines, maxLineLength, messagesPerSecond } from './program-host';

const maxBlockIdLength = 200;
const faultKinds = new Set(['syntax', 'exception', 'invalid', 'board']);

const isBlockId = (value: unknown): value is string | null =>
  value === null || (typeof value === 'string' && value.length <= maxBlockIdLength);

const isWellFormed = (message: WorkerToPage): boolean => {
  switch (message.type) {
    case 'call':
      return (
        Number.isSafeInteger(message.id) &&
        typeof message.command === 'object' &&
        message.command !== null &&
        isBlockId(message.blockId)
      );
    case 'highlight':
      return isBlockId(message.blockId);
    case 'print':
      return (
        Array.isArray(message.lines) &&
        message.lines.length <= maxBufferedLines &&
        message.lines.every((line) => typeof line === 'string' && line.length <= maxLineLength) &&
        Number.isSafeInteger(message.dropped) &&
        message.dropped >= 0
      );
    case 'done':
      return true;
    case 'fault':
      return (
        typeof message.fault === 'object' &&
        message.fault !== null &&
        faultKinds.has(message.fault.kind) &&
        isBlockId(message.blockId)
      );
  }
};

export interface WorkerMessageGuard {
  /** The message if it may pass now; a print over the rate comes back as null (its lines counted). */
  accept(data: unknown, now: number): WorkerToPage | null;
  /** Lines refused for rate, to add to the next print's dropped count. */
  takeDropped(): number;
}

export const createWorkerMessageGuard = (): WorkerMessageGuard => {
  const perWindow = messagesPerSecond * 2;
  const sent = { highlight: [] as number[], print: [] as number[] };
  let dropped = 0;
  const withinRate = (times: number[], now: number): boolean => {
    while (times.length && now - times[0] >= 1000) times.shift();
    if (times.length >= perWindow) return false;
    times.push(now);
    return true;
  };
  return {
    accept(data, now) {
      if (!isWorkerMessage(data) || !isWellFormed(data)) return null;
      if (data.type === 'highlight' && !withinRate(sent.highlight, now)) return null;
      if (data.type === 'print' && !withinRate(sent.print, now)) {
        dropped += data.lines.length + data.dropped;
        return null;
      }
      return data;
    },
    takeDropped() {
      const count = dropped;
      dropped = 0;
      return count;
    },
  };
};
