/** CHISPA_STAFF_IDLE_MS shortens the staff idle lock (tests, or a centre that wants it shorter). */

export class StaffIdleEnvError extends Error {}

/** Undefined when unset; throws StaffIdleEnvError (a sentence for the console) when invalid. */
export const staffIdleMsFromEnv = (value: string | undefined): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1000) {
    throw new StaffIdleEnvError(
      `Chispa: CHISPA_STAFF_IDLE_MS must be a whole number of milliseconds ≥ 1000, not "${value}".`,
    );
  }
  return ms;
};
