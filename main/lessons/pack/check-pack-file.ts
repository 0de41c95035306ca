import { packLimits, packRefused, type PackLimits } from './pack-refusal';
import { sanitizeSvg } from './sanitize-svg';

/** What a pack may contain, by extension. Anything else refuses the pack. */
export type PackFileKind = 'markdown' | 'json' | 'png' | 'jpeg' | 'svg';

export const packFileKind = (path: string): PackFileKind | null => {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  switch (extension) {
    case 'md':
      return 'markdown';
    case 'json':
      return 'json';
    case 'png':
      return 'png';
    case 'jpg':
    case 'jpeg':
      return 'jpeg';
    case 'svg':
      return 'svg';
    default:
      return null;
  }
};

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const utf8Text = (bytes: Buffer, file: string): string => {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes, { stream: false });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw packRefused('not-text', { file });
  return text;
};

/**
 * Fenced blocks and inline code are data (checks, workspaces) or shown as typed, not HTML: blank
 * them out, keeping every line where it was so errors name the right line.
 */
const withoutCode = (markdown: string): string =>
  markdown
    .replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^[ \t]*\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ''))
    .replace(/`+[^`\n]*`+/g, (code) => ' '.repeat(code.length));

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * Lesson markdown is shown as text with a few marks (never parsed as HTML), but a pack with
 * HTML, script or links that run something is refused anyway: the instructor learns at import
 * time, not a child at lesson time.
 */
export const checkPackMarkdown = (text: string, file: string): void => {
  const prose = withoutCode(text);
  const tag = /<\s*[a-zA-Z!/?]/.exec(prose);
  if (tag) throw packRefused('markdown-html', { file, line: lineOf(prose, tag.index) });
  const link = /\]\(\s*<?\s*(javascript|vbscript|data|file)\s*:/i.exec(prose);
  if (link) throw packRefused('markdown-link', { file, line: lineOf(prose, link.index) });
};

/** Checks one file of a pack by its kind and returns the bytes to store (SVG: re-written). */
export const checkPackFile = (
  path: string,
  bytes: Buffer,
  limits: PackLimits = packLimits,
): { kind: PackFileKind; bytes: Buffer } => {
  const kind = packFileKind(path);
  if (!kind) throw packRefused('file-type', { file: path });
  switch (kind) {
    case 'markdown': {
      if (bytes.length > limits.markdownBytes) {
        throw packRefused('file-too-big', { file: path, mb: limits.markdownBytes / 1048576 });
      }
      let text: string;
      try {
        text = utf8Text(bytes, path);
      } catch (error) {
        if (error instanceof TypeError) throw packRefused('not-text', { file: path });
        throw error;
      }
      checkPackMarkdown(text, path);
      return { kind, bytes };
    }
    case 'json':
      try {
        JSON.parse(utf8Text(bytes, path));
      } catch {
        throw packRefused('bad-json', { file: path });
      }
      return { kind, bytes };
    case 'png':
      if (!bytes.subarray(0, 8).equals(pngSignature)) throw packRefused('bad-image', { file: path, detail: 'PNG' });
      return { kind, bytes };
    case 'jpeg':
      if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) {
        throw packRefused('bad-image', { file: path, detail: 'JPEG' });
      }
      return { kind, bytes };
    case 'svg':
      return { kind, bytes: sanitizeSvg(bytes, path) };
  }
};
