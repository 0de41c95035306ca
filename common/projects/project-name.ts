/**
 * A project's name, typed by a child: what it may be, and the file name it saves under.
 * Accents and ñ are kept; characters no file system accepts in a name are refused with a
 * message (not silently dropped), so the saved file is called what the child typed.
 */
export const maxProjectNameLength = 40;

/** Characters Windows, macOS or Linux refuse (or treat as folders) in a file name. */
const pathCharacters = /[/\\:*?"<>|]/;
// Control and invisible characters (format, line/paragraph separators).
const invisibleCharacters = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** Names Windows keeps for devices, with or without an extension. */
const windowsReservedNames = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

export type ProjectNameCheck =
  { ok: true; name: string } | { ok: false; key: string; params?: Record<string, string | number> };

/** Spaces trimmed and runs of spaces made one; composed accents (NFC), as macOS may send them split. */
export const tidyProjectName = (raw: string): string => raw.normalize('NFC').replace(/\s+/g, ' ').trim();

export const checkProjectName = (raw: string): ProjectNameCheck => {
  const name = tidyProjectName(raw);
  if (name === '') return { ok: false, key: 'projects.name.error.empty' };
  if ([...name].length > maxProjectNameLength)
    return { ok: false, key: 'projects.name.error.too-long', params: { max: maxProjectNameLength } };
  if (pathCharacters.test(name)) return { ok: false, key: 'projects.name.error.path-characters' };
  if (invisibleCharacters.test(name)) return { ok: false, key: 'projects.name.error.invisible' };
  if (!/[\p{L}\p{N}]/u.test(name)) return { ok: false, key: 'projects.name.error.no-letter' };
  if (windowsReservedNames.test(name)) return { ok: false, key: 'projects.name.error.reserved' };
  return { ok: true, name };
};

/**
 * "Semáforo de Ana" → "Semáforo de Ana.chispa.json". A name that passed checkProjectName keeps
 * its words; any other text (a file from elsewhere) loses what a file name cannot hold.
 */
export const projectFileName = (name: string): string => {
  const safe = [
    ...tidyProjectName(name)
      .replace(new RegExp(pathCharacters.source, 'g'), ' ')
      .replace(new RegExp(invisibleCharacters.source, 'gu'), ''),
  ]
    .slice(0, maxProjectNameLength)
    .join('')
    .replace(/\s+/g, ' ')
    // Windows drops trailing dots and spaces; a leading dot hides the file on Linux and macOS.
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const usable = /[\p{L}\p{N}]/u.test(safe) && !windowsReservedNames.test(safe);
  return `${usable ? safe : 'proyecto'}.chispa.json`;
};
