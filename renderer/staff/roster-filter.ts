/**
 * Search-as-you-type for the check-in roster, done in the renderer so each key press filters
 * at once (no round trip). Matches like people.search in main: accent- and case-insensitive
 * prefix of any word, every typed word must match.
 */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('es')
    .trim();

const words = (text: string): string[] =>
  foldText(text)
    .split(/[\s,.'’-]+/u)
    .filter(Boolean);

export const matchesQuery = (name: string, query: string): boolean => {
  const wanted = words(query);
  if (wanted.length === 0) return true;
  const have = words(name);
  return wanted.every((part) => have.some((word) => word.startsWith(part)));
};

/** Keeps the roster order (by name); people already present stay in place. */
export const filterRoster = <T extends { displayName: string }>(people: readonly T[], query: string): T[] =>
  people.filter((person) => matchesQuery(person.displayName, query));
