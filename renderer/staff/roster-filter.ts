import { foldForSearch, searchTokens } from '../../common/attendance/search-key';

/**
 * Search-as-you-type for the check-in roster, done in the page so each key press filters at
 * once (no round trip). Same rule as people.search in main (common/attendance/search-key):
 * accent- and case-insensitive, every typed word is the start of some word of the name.
 */
export const matchesQuery = (name: string, query: string): boolean => {
  const wanted = searchTokens(query);
  if (wanted.length === 0) return true;
  const have = foldForSearch(name).split(' ');
  return wanted.every((part) => have.some((word) => word.startsWith(part)));
};

/** Keeps the roster order (by name). */
export const filterRoster = <T extends { displayName: string }>(people: readonly T[], query: string): T[] =>
  people.filter((person) => matchesQuery(person.displayName, query));
