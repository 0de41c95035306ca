import { z } from 'zod';

export const locales = ['es', 'en'] as const;
export type Locale = (typeof locales)[number];
export const localeSchema = z.enum(locales);
/** Spanish first: the centres are in Latin America. */
export const defaultLocale: Locale = 'es';
