import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * What the renderer is made of, and the only kinds of file served: a source map (local paths,
 * the sources) or anything else that lands in the folder by mistake is not.
 */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.cur': 'image/x-icon',
  '.gif': 'image/gif',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.woff2': 'font/woff2',
  '.md': 'text/markdown; charset=utf-8',
  '.hex': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  path: string;
}

/**
 * Resolves a URL path inside root, refusing anything that escapes it. "/" is index.html.
 * Returns null for a missing file, a path outside root or a kind of file not served.
 */
export const readStaticFile = async (root: string, urlPath: string): Promise<StaticFile | null> => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const contentType = Object.hasOwn(contentTypes, extname(full).toLowerCase())
    ? contentTypes[extname(full).toLowerCase()]
    : null;
  if (!contentType) return null;
  try {
    const info = await stat(full);
    if (!info.isFile()) return null;
    return {
      body: await readFile(full),
      contentType,
      path: full,
    };
  } catch {
    return null;
  }
};
