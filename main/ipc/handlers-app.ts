import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';
import type { AppCallName } from '../../common/ipc/contract-app';

export const createAppHandlers = (services: AppServices): Pick<CallHandlers, AppCallName> => ({
  'app.ping': ({ text }) => ({ echo: text, receivedAt: new Date().toISOString() }),
  'app.info': () => ({
    version: services.version,
    mode: services.mode,
    dataDir: services.layout.root,
    platform: process.platform,
  }),
  'settings.get': () => ({ language: services.settings.get().language }),
  'settings.setLanguage': ({ language }) => {
    const settings = services.settings.update({ language });
    services.events.emit('settings.changed', { language: settings.language });
    return { language: settings.language };
  },
});
