import type { IpcResult } from '../../common/ipc/app-error';

/** What the renderer needs from a transport: Electron's preload bridge or the WebSocket bridge. */
export interface RendererTransport {
  call(name: string, args: unknown): Promise<IpcResult<unknown>>;
  on(listener: (name: string, payload: unknown) => void): () => void;
  onConnectionChange?(listener: (connected: boolean) => void): () => void;
}

/** The object Electron's preload exposes as window.chispaBridge (see main/electron/preload.ts). */
export interface ChispaBridge {
  call(name: string, args: unknown): Promise<IpcResult<unknown>>;
  on(listener: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    chispaBridge?: ChispaBridge;
  }
}
