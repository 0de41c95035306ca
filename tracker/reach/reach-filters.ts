import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

export const reachFiltersSchema = z
  .object({
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    centre: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,39}$/)
      .optional(),
    from: month.optional(),
    to: month.optional(),
    lang: z.enum(['es', 'en']).optional(),
  })
  .strict();

export interface ReachFilters {
  country?: string;
  centre?: string;
  from: string;
  to: string;
}

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/** Defaults: the twelve months up to the current one. */
export const withDefaultPeriod = (
  input: z.infer<typeof reachFiltersSchema>,
  now = new Date(),
): ReachFilters => {
  const to = input.to ?? monthOf(now);
  const [year, m] = to.split('-').map(Number);
  const from = input.from ?? monthOf(new Date(Date.UTC(year, m - 12, 1)));
  return { country: input.country, centre: input.centre, from: from <= to ? from : to, to };
};

/** SQL conditions on centre c for the place filters, starting at parameter $start. */
export const placeCondition = (filters: ReachFilters, start: number): { sql: string; params: string[] } => {
  const parts: string[] = [];
  const params: string[] = [];
  if (filters.country) {
    params.push(filters.country);
    parts.push(`c.country_code = $${start + params.length - 1}`);
  }
  if (filters.centre) {
    params.push(filters.centre);
    parts.push(`c.code = $${start + params.length - 1}`);
  }
  return { sql: parts.length ? ` AND ${parts.join(' AND ')}` : '', params };
};
