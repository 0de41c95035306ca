/**
 * Runs first in the program worker, before any student code exists: keeps private copies of the
 * few worker functions the host needs (postMessage, the message listener), then removes from the
 * worker's global object — and from every prototype it inherits from — everything a program could
 * use to step outside its API. Parameter shadowing alone is not enough: `(0, eval)('self')` or
 * `Function('return this')()` reach the real global object, so the global object itself must not
 * have these. If a name cannot be removed, the worker refuses to start (fails closed).
 */
import type { MessagePortLike, PageToWorker, WorkerToPage } from './program-protocol';

/** Messaging, network, storage, nested workers and event plumbing. */
export const deniedWorkerGlobals = [
  'postMessage',
  'onmessage',
  'onmessageerror',
  'close',
  'importScripts',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebTransport',
  'EventSource',
  'Worker',
  'SharedWorker',
  'ServiceWorker',
  'BroadcastChannel',
  'MessageChannel',
  'MessagePort',
  'indexedDB',
  'caches',
  'addEventListener',
  'removeEventListener',
  'dispatchEvent',
] as const;

type Scope = Record<string, unknown> & {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};

const removeEverywhere = (scope: object, name: string): void => {
  for (let target: object | null = scope; target && target !== Object.prototype;) {
    if (Object.prototype.hasOwnProperty.call(target, name)) {
      if (!Reflect.deleteProperty(target, name)) {
        throw new Error(`worker lockdown: cannot remove ${name}`);
      }
    }
    target = Object.getPrototypeOf(target);
  }
  if (name in scope && (scope as Record<string, unknown>)[name] !== undefined) {
    throw new Error(`worker lockdown: ${name} is still reachable`);
  }
};

/** Locks the scope down and returns the only channel to the page. */
export const lockDownWorkerScope = (
  scope: object = globalThis,
): MessagePortLike<PageToWorker, WorkerToPage> => {
  const target = scope as Scope;
  const post = target.postMessage.bind(target);
  const listen = target.addEventListener.bind(target);
  const listeners: Array<(message: PageToWorker) => void> = [];
  listen('message', (event: MessageEvent<PageToWorker>) => {
    for (const listener of listeners) listener(event.data);
  });
  for (const name of deniedWorkerGlobals) removeEverywhere(scope, name);
  return {
    postMessage: (message) => post(message),
    onMessage: (listener) => void listeners.push(listener),
  };
};
