/**
 * Messages between the page (renderer/runner/program-runner.ts) and the program worker
 * (program-host.ts). Plain structured-clone values only. The worker never talks to main: it asks
 * the page, which forwards board commands over the IPC contract and answers with a reply.
 */
import type { IpcError } from '../../common/ipc/app-error';
import type { BoardCommand } from '../../common/ipc/contract-board';

/** Page → worker. */
export type PageToWorker =
  | { type: 'start'; code: string }
  /** The answer to a board call. A failed call never gets a reply: the page ends the program. */
  | { type: 'reply'; id: number; value: number | null };

/** What went wrong inside the program, described for the child-friendly message. */
export type ProgramFault =
  /** The generated code does not compile (a generator bug, never the child's fault). */
  | { kind: 'syntax'; detail: string }
  /** An exception thrown by the program: JS error name and message. */
  | { kind: 'exception'; name: string; detail: string }
  /** A value a block gave the board that the board cannot use (bad pin, bad angle…). */
  | { kind: 'invalid'; key: string; params: Record<string, string | number> }
  /** The board answered a command with an error value. */
  | { kind: 'board'; error: IpcError };

/** Worker → page. `blockId` is the block running when the message was sent (null = none yet). */
export type WorkerToPage =
  | { type: 'call'; id: number; command: BoardCommand; blockId: string | null }
  | { type: 'highlight'; blockId: string | null }
  | { type: 'print'; lines: string[]; dropped: number }
  | { type: 'done' }
  | { type: 'fault'; fault: ProgramFault; blockId: string | null };

const workerTypes = new Set(['call', 'highlight', 'print', 'done', 'fault']);

/** The page only acts on well-formed worker messages (the worker also runs student code). */
export const isWorkerMessage = (data: unknown): data is WorkerToPage =>
  typeof data === 'object' && data !== null && workerTypes.has((data as { type?: unknown }).type as string);

/** A minimal message port: a DedicatedWorkerGlobalScope, a Worker, or a Node MessagePort adapter. */
export interface MessagePortLike<In, Out> {
  postMessage(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
