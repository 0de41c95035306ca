/**
 * Sandboxed preload: exposes one narrow object, window.chispaBridge, built from the contract's
 * call and event names. ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels, isCallName, isEventName } from '../../common/ipc/contract';

contextBridge.exposeInMainWorld('chispaBridge', {
  call(name: string, args: unknown) {
    if (!isCallName(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown-call', messageKey: 'error.unknown-call' },
      });
    }
    return ipcRenderer.invoke(ipcChannels.call, name, args);
  },
  on(listener: (name: string, payload: unknown) => void) {
    const handler = (_event: unknown, name: unknown, payload: unknown) => {
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(ipcChannels.event, handler);
    return () => ipcRenderer.removeListener(ipcChannels.event, handler);
  },
});
