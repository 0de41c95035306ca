import { packPath } from './pack-path';
import { packLimits, packRefused, type PackLimits } from './pack-refusal';
import type { PackFiles } from './read-pack-zip';

/**
 * A pack picked as a folder: the renderer sends each file with the path the browser gave it
 * (relative to the folder's parent). Same limits and path rules as a zip.
 */
export const readPackFolder = (
  entries: ReadonlyArray<{ path: string; bytes: Buffer }>,
  name: string,
  limits: PackLimits = packLimits,
): PackFiles => {
  if (entries.length > limits.files) throw packRefused('too-many-files', { name, max: limits.files });
  const files: PackFiles = new Map();
  let total = 0;
  for (const entry of entries) {
    const path = packPath(entry.path);
    if (entry.bytes.length > limits.fileBytes) {
      throw packRefused('file-too-big', { file: path, mb: Math.ceil(limits.fileBytes / 1048576) });
    }
    total += entry.bytes.length;
    if (total > limits.totalBytes) throw packRefused('too-big', { name, mb: Math.ceil(limits.totalBytes / 1048576) });
    if (files.has(path)) throw packRefused('duplicate', { file: path });
    files.set(path, entry.bytes);
  }
  return files;
};
