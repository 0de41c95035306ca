import { existsSync, readFileSync, renameSync } from 'node:fs';
import { z } from 'zod';
import { helpCountrySchema } from '../../common/help-resources/help-resources';
import { defaultLocale, localeSchema } from '../../common/i18n/locale';
import { writeFileAtomic } from './atomic-write';
import type { Logger } from './logger';

const settingsSchema = z
  .object({
    language: localeSchema.default(defaultLocale),
    /** The country whose helplines the lessons show (chosen by the centre admin); null = none yet. */
    helpCountry: helpCountrySchema.nullable().default(null),
  })
  .passthrough();
export type Settings = z.infer<typeof settingsSchema>;

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

/** Small JSON settings file. A damaged file is kept aside (never silently overwritten). */
export const createSettingsStore = (file: string, logger: Logger): SettingsStore => {
  let current: Settings = { language: defaultLocale, helpCountry: null };
  if (existsSync(file)) {
    try {
      current = settingsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      const aside = `${file}.damaged-${Date.now()}`;
      renameSync(file, aside);
      logger.warn(`settings file was damaged; kept it as ${aside}`, error);
    }
  }
  return {
    get: () => ({ ...current }),
    update(patch) {
      const next = settingsSchema.parse({ ...current, ...patch });
      // On disk first: a failed write (disk full) must not report a setting that is not saved.
      writeFileAtomic(file, JSON.stringify(next, null, 2));
      current = next;
      return { ...current };
    },
  };
};
