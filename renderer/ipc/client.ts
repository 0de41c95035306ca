import type { IpcError } from '../../common/ipc/app-error';
import type { CallArgs, CallName, CallResult, EventName, EventPayload } from '../../common/ipc/contract';
import type { RendererTransport } from './transport';
import { createWebSocketTransport } from './websocket-transport';

/** A call that came back as an error value. Carries the stable code and message key. */
export class ChispaCallError extends Error {
  constructor(readonly error: IpcError) {
    super(error.code);
    this.name = 'ChispaCallError';
  }
}

export interface ChispaClient {
  /** Resolves with the value, or rejects with ChispaCallError (never hangs on a dropped bridge). */
  call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResult<K>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

export const createClient = (transport: RendererTransport): ChispaClient => ({
  async call(name, args) {
    const result = await transport.call(name, args);
    if (!result.ok) throw new ChispaCallError(result.error);
    return result.value as never;
  },
  on(name, listener) {
    return transport.on((eventName, payload) => {
      if (eventName === name) listener(payload as never);
    });
  },
  onConnectionChange(listener) {
    return transport.onConnectionChange?.(listener) ?? (() => {});
  },
});

/** Electron's preload bridge when present, otherwise browser mode's WebSocket on this origin. */
export const connectClient = (): ChispaClient => {
  if (window.chispaBridge) return createClient(window.chispaBridge);
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createClient(createWebSocketTransport(`${protocol}//${location.host}/bridge`));
};
