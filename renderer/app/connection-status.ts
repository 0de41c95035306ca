import type { ChispaClient } from '../ipc/client';
import { t } from '../i18n/i18n';
import type { Frame } from './frame';

/** Footer: bridge connection state. */
export const wireConnectionStatus = (client: ChispaClient, frame: Frame): void => {
  const show = (connected: boolean) => {
    frame.connection.dataset.i18n = connected ? 'app.connected' : 'app.disconnected';
    frame.connection.textContent = t(frame.connection.dataset.i18n);
    frame.connection.classList.toggle('offline', !connected);
  };
  show(true);
  client.onConnectionChange(show);
};
