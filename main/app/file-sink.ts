/**
 * The streamed side of the one write path (exports): a private `.partial` file written in
 * chunks, every byte (short writes are continued), fsynced and renamed into place by `commit`;
 * any failure removes the partial file and comes back as a typed storage error (disk full told
 * apart). It never emits stream errors, so a writer library feeding it always finishes and the
 * error is raised once, at commit.
 */
import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import { ensurePrivateDir, fsyncDir, privateFileMode, removeQuietly } from './atomic-write';
import { storageErrorFrom } from './storage-error';

export interface FileSink {
  write(chunk: string | Uint8Array): Promise<void>;
  /** A Writable over the sink for libraries that want a stream (exceljs). */
  stream(): Writable;
  /** Flushes, fsyncs and renames into place; throws the first error met, after cleaning up. */
  commit(): Promise<void>;
  /** Gives up: removes the partial file. */
  abort(): Promise<void>;
}

const chunkBytes = 256 * 1024;

export const createFileSink = async (file: string): Promise<FileSink> => {
  const partial = `${file}.partial`;
  let handle: FileHandle;
  try {
    ensurePrivateDir(dirname(file));
    removeQuietly(partial);
    handle = await open(partial, 'wx', privateFileMode);
  } catch (error) {
    throw storageErrorFrom(error);
  }
  let failure: unknown = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let closed = false;

  const writeAll = async (bytes: Buffer) => {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
      if (bytesWritten <= 0) throw Object.assign(new Error('no progress writing'), { code: 'ENOSPC' });
      offset += bytesWritten;
    }
  };
  const flush = async () => {
    if (failure || pendingBytes === 0) return;
    const bytes = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    try {
      await writeAll(bytes);
    } catch (error) {
      failure = error;
    }
  };
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
  };
  const write = async (chunk: string | Uint8Array) => {
    if (failure) return;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (pendingBytes >= chunkBytes) await flush();
  };
  const abort = async () => {
    await close();
    removeQuietly(partial);
  };
  return {
    write,
    stream: () =>
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          write(chunk).then(() => callback());
        },
        final(callback) {
          flush().then(() => callback());
        },
      }),
    async commit() {
      await flush();
      try {
        if (failure) throw failure;
        await handle.sync();
        await close();
        await rename(partial, file);
      } catch (error) {
        await abort();
        throw storageErrorFrom(error);
      }
      fsyncDir(dirname(file));
    },
    abort,
  };
};
