import type { ChispaClient } from '../ipc/client';
import { t } from '../i18n/i18n';
import type { Frame } from './frame';

/**
 * Footer: the app's own link (browser mode's socket), shown only while it is lost. A steady
 * "Connected" there read like the board's state, which the board chooser already says.
 */
export const wireConnectionStatus = (client: ChispaClient, frame: Frame): void => {
  const show = (connected: boolean) => {
    if (connected) delete frame.connection.dataset.i18n;
    else frame.connection.dataset.i18n = 'app.disconnected';
    frame.connection.textContent = connected ? '' : t('app.disconnected');
    frame.connection.classList.toggle('offline', !connected);
  };
  show(true);
  client.onConnectionChange(show);
};
