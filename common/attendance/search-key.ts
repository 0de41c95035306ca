/**
 * Accent- and case-insensitive search: names are folded to lowercase ASCII-ish words
 * ("José  Peña" → "jose pena") so "jose", "Pe" or "peña" all find the same person.
 */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Stored form: folded words wrapped in spaces, so " word" matches the start of any word. */
export const searchKeyFor = (displayName: string): string => ` ${foldForSearch(displayName)} `;

/** Query tokens; every token must be the prefix of some word of the name. */
export const searchTokens = (query: string): string[] =>
  foldForSearch(query).split(' ').filter(Boolean).slice(0, 5);

/** Escapes a token for a LIKE pattern with ESCAPE '\'. */
export const escapeLike = (token: string): string => token.replace(/[\\%_]/g, (char) => `\\${char}`);
