import { join } from 'node:path';
import type { HelpCountryChoice } from '../../common/ipc/contract-help';
import { resolveHelp, type HelpCountry, type HelpLine } from '../../common/help-resources/help-resources';
import type { Locale } from '../../common/i18n/locale';
import type { Logger } from '../app/logger';
import type { SettingsStore } from '../app/settings-store';
import { HELP_RESOURCES_FOLDER, helpFileOf, loadHelpResources, type HelpResources } from './help-resources-store';
import { defaultShippedLessonsDir } from './lessons-path';

export interface HelpService {
  country(): Promise<{ country: HelpCountry | null; countries: HelpCountryChoice[] }>;
  setCountry(country: HelpCountry | null): { country: HelpCountry | null };
  resources(keys: string[]): Promise<{
    country: HelpCountryChoice | null;
    entries: Record<Locale, Record<string, HelpLine[]>>;
  }>;
}

/**
 * The shipped per-country help files (read once; they change only with a release) and the
 * country saved in settings.json.
 */
export const createHelpService = (options: {
  settings: SettingsStore;
  logger: Logger;
  dir?: string;
}): HelpService => {
  let loaded: Promise<HelpResources> | null = null;
  const resources = () => {
    loaded ??= loadHelpResources(options.dir ?? join(defaultShippedLessonsDir(), HELP_RESOURCES_FOLDER)).then(
      (result) => {
        for (const problem of result.problems)
          options.logger.warn(`help resources: ${problem.file}: ${problem.messageKey} ${JSON.stringify(problem.params)}`);
        return result;
      },
    );
    return loaded;
  };
  const choices = (all: HelpResources): HelpCountryChoice[] =>
    all.files.map((file) => ({ country: file.country, name: file.name }));
  return {
    async country() {
      return { country: options.settings.get().helpCountry, countries: choices(await resources()) };
    },
    setCountry(country) {
      return { country: options.settings.update({ helpCountry: country }).helpCountry };
    },
    async resources(keys) {
      const all = await resources();
      const file = helpFileOf(all, options.settings.get().helpCountry);
      return {
        country: file ? { country: file.country, name: file.name } : null,
        entries: { es: resolveHelp(file, keys, 'es'), en: resolveHelp(file, keys, 'en') },
      };
    },
  };
};
