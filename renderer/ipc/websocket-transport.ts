import type { IpcResult } from '../../common/ipc/app-error';
import { maxWireMessageBytes, type WireMessage } from '../../common/ipc/wire';
import type { RendererTransport } from './transport';

/**
 * Browser-mode bridge. Calls wait while the socket (re)connects; a socket that drops fails the
 * calls in flight with "transport-closed" (never a hang) and reconnects with backoff.
 */
export const createWebSocketTransport = (url: string): RendererTransport => {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const queue: string[] = [];
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();

  const closedError: IpcResult<never> = {
    ok: false,
    error: { code: 'transport-closed', messageKey: 'error.transport-closed' },
  };
  // The server closes a connection that sends more than a frame (losing the staff role with it):
  // such a call is answered here instead, and never sent.
  const tooLargeError: IpcResult<never> = {
    ok: false,
    error: { code: 'bad-request', messageKey: 'value.error.too-large' },
  };

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      retryMs = 250;
      for (const message of queue.splice(0)) ws.send(message);
      for (const listener of connectionListeners) listener(true);
    });
    ws.addEventListener('message', (event) => {
      let message: WireMessage;
      try {
        message = JSON.parse(String(event.data)) as WireMessage;
      } catch {
        return;
      }
      if (message.kind === 'result') {
        pending.get(message.id)?.(message.result as IpcResult<unknown>);
        pending.delete(message.id);
      } else if (message.kind === 'event') {
        for (const listener of listeners) listener(message.name, message.payload);
      }
    });
    ws.addEventListener('close', () => {
      for (const resolve of pending.values()) resolve(closedError);
      pending.clear();
      for (const listener of connectionListeners) listener(false);
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  };
  connect();

  return {
    call(name, args) {
      const id = nextId++;
      const message = JSON.stringify({ kind: 'call', id, name, args });
      if (message.length > maxWireMessageBytes / 3 && new Blob([message]).size > maxWireMessageBytes)
        return Promise.resolve(tooLargeError);
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (socket?.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      });
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
};
