/**
 * How many bytes a lesson pack picked as a folder takes in one bridge message, known before any
 * file is read: the page refuses a folder that would not fit (the browser-mode bridge drops a
 * connection that sends more than one message's worth, and the staff role with it).
 */
import { maxWireMessageBytes } from '../ipc/wire';

/** Room for the pack in one message; the call around it gets 64 KiB. */
export const maxPackWireBytes = maxWireMessageBytes - 64 * 1024;

/** UTF-8 length; a lone surrogate is written as U+FFFD (3 bytes), as the page's encoder does. */
const utf8Bytes = (text: string): number => {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
};

/** Characters of the base64 text of `bytes` bytes. */
export const base64Chars = (bytes: number): number => 4 * Math.ceil(bytes / 3);

/**
 * Exactly the UTF-8 size of JSON.stringify({ kind: 'folder', name, files }) once every file is
 * base64 text: JSON escapes in paths and names counted as written.
 */
export const folderPackWireBytes = (
  name: string,
  files: ReadonlyArray<{ path: string; size: number }>,
): number =>
  files.reduce(
    (sum, file, index) =>
      sum + (index > 0 ? 1 : 0) + utf8Bytes(JSON.stringify({ path: file.path, base64: '' })) + base64Chars(file.size),
    utf8Bytes(JSON.stringify({ kind: 'folder', name, files: [] })),
  );
