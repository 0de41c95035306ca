/**
 * Helplines and reporting channels as data: one file per country in lessons/help-resources/
 * (`co.json`…), each entry with the address it was taken from. Lessons name entries by key in a
 * ```help fence; the centre admin picks the country in settings. Pure: schema and look-up only.
 */
import { z } from 'zod';
import type { Locale } from '../i18n/locale';

/** The starting set (ISO 3166-1 alpha-2, lower case as the file names). */
export const helpCountries = ['co', 'sv', 'gt', 'hn', 'bo', 'py', 'pa', 'ni', 'cr'] as const;
export const helpCountrySchema = z.enum(helpCountries);
export type HelpCountry = z.infer<typeof helpCountrySchema>;

const localized = z.object({ es: z.string().min(1).max(300), en: z.string().min(1).max(300) }).strict();

export const helpEntrySchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/),
    name: localized,
    /** What to dial or open: a short number, a phone number or a web address. */
    contact: z.string().min(1).max(120),
    description: localized,
    /** Where the contact was taken from (an https address), and when it was read. */
    source: z.string().url().startsWith('https://'),
    checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict();
export type HelpEntry = z.infer<typeof helpEntrySchema>;

export const helpCountryFileSchema = z
  .object({
    country: helpCountrySchema,
    name: localized,
    entries: z.array(helpEntrySchema).max(50),
  })
  .strict();
export type HelpCountryFile = z.infer<typeof helpCountryFileSchema>;

/** One entry as a lesson panel shows it, in one language. */
export interface HelpLine {
  key: string;
  name: string;
  contact: string;
  description: string;
  source: string;
}

/** The entries for each key, from the chosen country's file ([] where it has none for a key). */
export const resolveHelp = (
  file: HelpCountryFile | null,
  keys: readonly string[],
  locale: Locale,
): Record<string, HelpLine[]> =>
  Object.fromEntries(
    keys.map((key) => [
      key,
      (file?.entries ?? [])
        .filter((entry) => entry.key === key)
        .map((entry) => ({
          key,
          name: entry.name[locale],
          contact: entry.contact,
          description: entry.description[locale],
          source: entry.source,
        })),
    ]),
  );

/** Every key some country file defines: a lesson may only refer to these. */
export const knownHelpKeys = (files: readonly HelpCountryFile[]): Set<string> =>
  new Set(files.flatMap((file) => file.entries.map((entry) => entry.key)));
