import { packRefused } from './pack-refusal';

/**
 * A file name inside a pack, made canonical ("a/b/c.md") or refused: no absolute paths, drive
 * letters, backslashes, "..", empty or dot segments, control characters. Nothing from a pack is
 * ever joined to a folder before it passed here.
 */
export const packPath = (raw: string): string => {
  const shown = raw.slice(0, 120);
  if (raw.includes('\\') || raw.startsWith('/') || /^[a-zA-Z]:/.test(raw)) {
    throw packRefused('path-outside', { file: shown });
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw packRefused('path-outside', { file: shown });
  const segments = raw.split('/').filter((segment, index, all) => !(segment === '' && index === all.length - 1));
  for (const segment of segments) {
    if (segment === '..' || segment === '.' || segment === '' || segment.length > 100) {
      throw packRefused('path-outside', { file: shown });
    }
  }
  return segments.join('/');
};
