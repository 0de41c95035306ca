/**
 * The child's program on the runner's own program host (renderer/runner/program-host.ts, the
 * code that runs inside the Web Worker when the child presses Run), in the check thread: the
 * "page" side is here, answering each board call after its wire time at 57600 baud on the
 * simulated clock — the reason a loop without waits cannot run forever at time zero.
 */
import type { BoardCommand } from '../../../common/ipc/contract-board';
import type { MessagePortLike, PageToWorker, WorkerToPage } from '../../../renderer/runner/program-protocol';
import { startProgramHost } from '../../../renderer/runner/program-host';
import { describeFault } from '../../../renderer/runner/runtime-error';
import { AppError, type IpcError } from '../../../common/ipc/app-error';

/** 57600 baud, 10 bits per byte. */
const MS_PER_BYTE = 10_000 / 57_600;

/** Firmata bytes each command puts on the wire, and the bytes of its answer (reads). */
const wireBytes = (command: BoardCommand): number => {
  switch (command.op) {
    case 'digitalWrite':
    case 'pwmWrite':
    case 'servoWrite':
      return 3;
    case 'tone':
    case 'noTone':
      return 10;
    case 'digitalRead':
    case 'analogRead':
      return 6;
    case 'readDistance':
      return 20;
    case 'allOff':
      return 3;
  }
};

export interface SimProgramOptions {
  code: string;
  run(command: BoardCommand): Promise<number | null>;
  now(): number;
  onPrint(text: string): void;
  onFault(fault: { messageKey: string; params: Record<string, string | number> }): void;
}

export const startSimProgram = (options: SimProgramOptions) => {
  const host: { send: ((message: PageToWorker) => void) | null } = { send: null };
  let ended = false;
  let linkFreeAt = 0;
  /** Last level written per pin (cleared by any other use of the pin). */
  const lastDigital = new Map<number, number>();
  const end = () => {
    ended = true;
  };
  const fromHost = (message: WorkerToPage): void => {
    if (ended) return;
    switch (message.type) {
      case 'call': {
        const { command } = message;
        // The link carries one byte at a time: a command leaves when the previous one has.
        linkFreeAt = Math.max(linkFreeAt, options.now()) + wireBytes(command) * MS_PER_BYTE;
        const delay = linkFreeAt - options.now();
        const reply = (value: number | null) =>
          setTimeout(() => {
            if (!ended) host.send?.({ type: 'reply', id: message.id, value });
          }, delay);
        // A digital write that changes nothing leaves the pins as they are: skip the board.
        if (command.op === 'digitalWrite' && lastDigital.get(command.pin) === command.value) {
          reply(null);
          break;
        }
        if ('pin' in command) lastDigital.delete(command.pin);
        if (command.op === 'allOff') lastDigital.clear();
        options.run(command).then(
          (value) => {
            if (command.op === 'digitalWrite') lastDigital.set(command.pin, command.value);
            reply(value);
          },
          (error: unknown) => {
            const ipc: IpcError =
              error instanceof AppError ? error.toIpcError() : { code: 'internal', messageKey: 'error.internal' };
            const friendly = describeFault({ kind: 'board', error: ipc });
            options.onFault({ messageKey: friendly.key, params: friendly.params });
            end();
          },
        );
        break;
      }
      case 'print':
        for (const line of message.lines) options.onPrint(String(line));
        break;
      case 'fault': {
        const friendly = describeFault(message.fault);
        options.onFault({ messageKey: friendly.key, params: friendly.params });
        end();
        break;
      }
      case 'done':
        end();
        break;
      case 'highlight':
        break;
    }
  };
  const port: MessagePortLike<PageToWorker, WorkerToPage> = {
    postMessage: (message) => queueMicrotask(() => fromHost(message)),
    onMessage: (listener) => {
      host.send = (message) => queueMicrotask(() => listener(message));
    },
  };
  startProgramHost(port, { now: () => Date.now(), setTimeout: (callback, ms) => setTimeout(callback, ms) });
  host.send?.({ type: 'start', code: options.code });
  return {
    /** The program finished, failed, or was stopped. */
    ended: () => ended,
    stop: end,
  };
};
