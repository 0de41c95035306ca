import { z } from 'zod';
import { defineCall } from './define';
import type { Locale } from '../i18n/locale';
import { helpCountrySchema, type HelpCountry, type HelpLine } from '../help-resources/help-resources';

/** A country the centre may choose: its code and name in both languages. */
export interface HelpCountryChoice {
  country: HelpCountry;
  name: Record<Locale, string>;
}

/**
 * Help resources (issue 11): the country a centre admin chose in settings, and the helplines and
 * reporting channels a lesson step names by key, from that country's file.
 */
export const helpCalls = {
  'help.country': defineCall({
    args: z.object({}).strict(),
    result: z.custom<{ country: HelpCountry | null; countries: HelpCountryChoice[] }>(),
    access: 'student',
  }),
  'help.setCountry': defineCall({
    args: z.object({ country: helpCountrySchema.nullable() }).strict(),
    result: z.custom<{ country: HelpCountry | null }>(),
    access: 'admin',
  }),
  'help.resources': defineCall({
    args: z.object({ keys: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/)).max(50) }).strict(),
    /** entries[locale][key]: [] where the chosen country has none for that key. */
    result: z.custom<{
      country: HelpCountryChoice | null;
      entries: Record<Locale, Record<string, HelpLine[]>>;
    }>(),
    access: 'student',
  }),
};
