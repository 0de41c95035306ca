/** Renderer composition root: builds the frame, connects to main, mounts the features. */
import { buildFrame } from './app/frame';
import { wireConnectionStatus } from './app/connection-status';
import { wireLanguageSwitch } from './app/language-switch';
import { mountFeatures } from './app/features';
import { applyTranslations } from './i18n/i18n';
import { connectClient } from './ipc/client';

const start = async () => {
  const frame = buildFrame();
  document.getElementById('app')?.replaceChildren(frame.root);
  applyTranslations();
  const client = connectClient();
  wireConnectionStatus(client, frame);
  await wireLanguageSwitch(client, frame.languageSelect);
  await mountFeatures({ client, frame });
  document.body.dataset.ready = 'true';
};

start().catch((error: unknown) => {
  console.error('Chispa could not start', error);
});
