import type { ChispaClient } from '../ipc/client';
import { ChispaCallError } from '../ipc/client';
import { errorText, t } from '../i18n/i18n';
import type { Frame } from './frame';

/** Footer: bridge connection state and a "test connection" round trip through the contract. */
export const wireConnectionStatus = (client: ChispaClient, frame: Frame): void => {
  const show = (connected: boolean) => {
    frame.connection.dataset.i18n = connected ? 'app.connected' : 'app.disconnected';
    frame.connection.textContent = t(frame.connection.dataset.i18n);
    frame.connection.classList.toggle('offline', !connected);
  };
  show(true);
  client.onConnectionChange(show);
  frame.pingButton.addEventListener('click', async () => {
    const started = performance.now();
    try {
      const { echo } = await client.call('app.ping', { text: 'chispa' });
      const ms = Math.max(1, Math.round(performance.now() - started));
      frame.pingResult.textContent = `${t('app.ping.ok', { ms })}`;
      frame.pingResult.dataset.echo = echo;
    } catch (error) {
      frame.pingResult.textContent =
        error instanceof ChispaCallError ? errorText(error.error) : String(error);
    }
  });
};
