import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { packPath } from './pack-path';
import { packLimits, packRefused, refusalReason, type PackLimits } from './pack-refusal';

/** The files of a pack, by canonical path inside it ("blink/es.md"). */
export type PackFiles = Map<string, Buffer>;

const symlinkMode = 0o120000;
const fileTypeMask = 0o170000;

const yauzlRefusal = (error: Error, zipfileName: string) => {
  const message = error.message;
  if (/^(invalid relative path|absolute path|invalid characters in fileName)/.test(message)) {
    return packRefused('path-outside', { file: message.replace(/^[^:]*:\s*/, '').slice(0, 120) });
  }
  if (/too many|too few bytes|uncompressed size/i.test(message)) return packRefused('too-big', { name: zipfileName });
  if (/encrypt/i.test(message)) return packRefused('encrypted', { name: zipfileName });
  return packRefused('not-zip', { name: zipfileName });
};

/** Reads one entry, counting bytes as they inflate: a header that lies about its size stops here. */
const readEntry = (zip: ZipFile, entry: Entry, budget: number, name: string): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(yauzlRefusal(error, name));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget) {
          stream.destroy();
          reject(packRefused('file-too-big', { file: entry.fileName, mb: Math.ceil(budget / 1048576) }));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (streamError) => reject(yauzlRefusal(streamError, name)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });

/**
 * Unpacks a zip in memory, entry by entry, refusing (before anything is inflated when the
 * headers already tell) paths outside the pack, links, encrypted entries, too many files, files
 * or totals over the limits. Directories are skipped; nothing is written anywhere.
 */
export const readPackZip = async (
  bytes: Buffer,
  name: string,
  limits: PackLimits = packLimits,
): Promise<PackFiles> => {
  if (bytes.length > limits.packBytes) {
    throw packRefused('too-big', { name, mb: Math.ceil(limits.packBytes / 1048576) });
  }
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, {
      lazyEntries: true,
      decodeStrings: true,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch (error) {
    throw yauzlRefusal(error as Error, name);
  }
  const files: PackFiles = new Map();
  let total = 0;
  let count = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        reject(refusalReason(error) ? error : yauzlRefusal(error as Error, name));
      };
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        void (async () => {
          const path = packPath(entry.fileName);
          if (entry.fileName.endsWith('/')) return zip.readEntry();
          if (((entry.externalFileAttributes >>> 16) & fileTypeMask) === symlinkMode) {
            throw packRefused('link', { file: path });
          }
          if (entry.isEncrypted()) throw packRefused('encrypted', { name });
          count += 1;
          if (count > limits.files) throw packRefused('too-many-files', { name, max: limits.files });
          if (entry.uncompressedSize > limits.fileBytes) {
            throw packRefused('file-too-big', { file: path, mb: Math.ceil(limits.fileBytes / 1048576) });
          }
          total += entry.uncompressedSize;
          if (total > limits.totalBytes) {
            throw packRefused('too-big', { name, mb: Math.ceil(limits.totalBytes / 1048576) });
          }
          if (files.has(path)) throw packRefused('duplicate', { file: path });
          files.set(path, await readEntry(zip, entry, limits.fileBytes, name));
          zip.readEntry();
        })().catch(fail);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return files;
};
