import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messages } from '../../../common/i18n/messages';
import { calls, type CallName } from '../../../common/ipc/contract';
import { createServices } from '../../../main/app/create-services';
import { silentLogger } from '../../../main/app/logger';
import type { AppServices } from '../../../main/app/services';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import type { Dispatcher } from '../../../main/ipc/dispatcher';
import { createAppDispatcher } from '../../../main/ipc/register-handlers';

/** Values no caller should send: wrong types, boundaries, huge, control characters, paths, dates. */
const hostile: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  2 ** 53,
  1e308,
  Number.NaN,
  '',
  ' ',
  '\u0000',
  'x'.repeat(100_000),
  '../../../../etc/passwd',
  '2024-02-30',
  '9999-12-31',
  '<script>',
  [],
  [null],
  {},
  JSON.parse('{"__proto__":{"polluted":true}}'),
];

/** The fields of a call whose arguments are an object (each is fuzzed on its own). */
const shapeOf = (name: CallName): Record<string, unknown> => {
  const args = calls[name].args as unknown as z.ZodTypeAny;
  const shape = (args as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ?? {};
};

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`hang: ${what}`)), ms)),
  ]);

describe('IPC fuzz: every call, every argument position, hostile values', () => {
  let dataDir: string;
  let services: AppServices;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-fuzz-'));
    services = await createServices({ dataDir, mode: 'browser', logger: silentLogger });
    dispatcher = createAppDispatcher(services);
  });
  afterAll(async () => {
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every call with a typed value, never a crash or a hang', async () => {
    const session = createConnectionSession('fuzz');
    session.unlockStaff('admin');
    const names = Object.keys(calls) as CallName[];
    let count = 0;
    for (const name of names) {
      const argSets: unknown[] = [...hostile];
      for (const field of Object.keys(shapeOf(name))) {
        for (const value of hostile) argSets.push({ [field]: value });
      }
      for (const args of argSets) {
        session.unlockStaff('admin');
        const result = await withTimeout(dispatcher.dispatch(name, args, { session }), 20_000, name);
        count += 1;
        expect(typeof result.ok, name).toBe('boolean');
        if (!result.ok) {
          expect(typeof result.error.code, name).toBe('string');
          expect(messages.es[result.error.messageKey], `${name}: ${result.error.messageKey}`).toBeTruthy();
          expect(result.error.code, `${name} ${JSON.stringify(args)?.slice(0, 80)}`).not.toBe('internal');
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(count).toBeGreaterThan(names.length * hostile.length);
  });
});
