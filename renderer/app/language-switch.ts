import type { ChispaClient } from '../ipc/client';
import { getLocale, isLocale, setLocale } from '../i18n/i18n';

/** Language from the settings in main (so it is remembered), switched from the header select. */
export const wireLanguageSwitch = async (client: ChispaClient, select: HTMLSelectElement): Promise<void> => {
  const apply = (language: string) => {
    if (!isLocale(language)) return;
    if (language !== getLocale()) setLocale(language);
    select.value = language;
  };
  try {
    apply((await client.call('settings.get', {})).language);
  } catch {
    apply(getLocale());
  }
  client.on('settings.changed', ({ language }) => apply(language));
  select.addEventListener('change', async () => {
    const language = select.value;
    if (!isLocale(language)) return;
    setLocale(language);
    await client.call('settings.setLanguage', { language });
  });
};
