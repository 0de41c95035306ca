/**
 * Staff PINs are stored only as scrypt hashes with a per-PIN random salt. The scrypt work runs on
 * one dedicated worker thread, not on libuv's shared thread pool: SQLite (sqlite3) uses that pool,
 * so a flood of unlock attempts hashing there would stall every check-in behind them.
 */
import { randomBytes, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Worker } from 'node:worker_threads';

interface StoredPin {
  v: 1;
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
}

const params = { N: 16384, r: 8, p: 1 };
const keyLength = 32;

// Plain JavaScript so it runs the same under tsx, the esbuild bundle and Electron.
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', ({ id, pin, salt, keyLength, options }) => {
  try {
    const key = scryptSync(pin, Buffer.from(salt), keyLength, options);
    parentPort.postMessage({ id, key });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

interface Pending {
  resolve: (key: Buffer) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

const hashWorker = (): Worker => {
  if (worker) return worker;
  const created = new Worker(workerSource, { eval: true });
  created.unref();
  created.on('message', (message: { id: number; key?: Uint8Array; error?: string }) => {
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (pending.size === 0) created.unref();
    if (message.key) entry.resolve(Buffer.from(message.key));
    else entry.reject(new Error(message.error ?? 'scrypt failed'));
  });
  const fail = (error: Error) => {
    if (worker === created) worker = null;
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };
  created.on('error', fail);
  created.on('exit', () => fail(new Error('PIN hashing worker stopped')));
  worker = created;
  return created;
};

const derive = (pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const thread = hashWorker();
    // Referenced only while a hash is pending, so an idle worker never keeps the process alive.
    thread.ref();
    thread.postMessage({
      id,
      pin: pin.normalize('NFKC'),
      salt: new Uint8Array(salt),
      keyLength,
      options: { N: options.N, r: options.r, p: options.p },
    });
  });

export const hashPin = async (pin: string): Promise<string> => {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, params);
  const stored: StoredPin = { v: 1, salt: salt.toString('base64'), hash: hash.toString('base64'), ...params };
  return JSON.stringify(stored);
};

/** Constant-time comparison; a malformed stored value never matches. */
export const verifyPin = async (pin: string, stored: string | null): Promise<boolean> => {
  if (!stored) return false;
  let parsed: StoredPin;
  try {
    parsed = JSON.parse(stored) as StoredPin;
  } catch {
    return false;
  }
  if (parsed.v !== 1) return false;
  const expected = Buffer.from(parsed.hash, 'base64');
  const actual = await derive(pin, Buffer.from(parsed.salt, 'base64'), {
    N: parsed.N,
    r: parsed.r,
    p: parsed.p,
  });
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};
