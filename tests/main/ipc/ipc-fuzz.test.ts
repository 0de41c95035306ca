/**
 * IPC fuzz: every call in the contract, every position inside its arguments (the root, each field,
 * nested fields and array elements of a plausible sample built from the schema), hostile values
 * put there one at a time, and polluting keys added to every object. Each answer must be a typed
 * value (never 'internal', never a hang), nothing may reject unhandled, nothing may be polluted,
 * and the app must still answer afterwards. Seeded: the same values in the same order every run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../common/i18n/messages';
import { calls, type CallName } from '../../../common/ipc/contract';
import { createServices } from '../../../main/app/create-services';
import { silentLogger } from '../../../main/app/logger';
import type { AppServices } from '../../../main/app/services';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import type { Dispatcher } from '../../../main/ipc/dispatcher';
import { createAppDispatcher } from '../../../main/ipc/register-handlers';
import {
  describeArgs,
  hostileValues,
  pollutingObjects,
  positionsOf,
  sampleOf,
  seededRandom,
  withValueAt,
  type Path,
} from './fuzz-values';

/** Positions deeper than the arguments' own fields get this share of the hostile values (seeded). */
const deepShare = 0.35;

const valueAt = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)?.[key], value);

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`hang: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
};

describe('IPC fuzz: every call, every argument position, hostile values', () => {
  let dataDir: string;
  let services: AppServices;
  let dispatcher: Dispatcher;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-fuzz-'));
    services = await createServices({ dataDir, mode: 'browser', logger: silentLogger });
    dispatcher = createAppDispatcher(services);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every call with a typed value: never internal, a crash, a hang or pollution', async () => {
    const random = seededRandom(16);
    const session = createConnectionSession('fuzz');
    const hostile = hostileValues();
    const names = Object.keys(calls) as CallName[];
    const failures: string[] = [];
    let count = 0;

    const send = async (name: CallName, args: unknown) => {
      // Staff calls are fuzzed past the PIN check; the PIN calls themselves are fuzzed too.
      session.unlockStaff('admin');
      const result = await withTimeout(dispatcher.dispatch(name, args, { session }), 30_000, name);
      count += 1;
      const where = () => `${name} ${describeArgs(args)}`;
      if (typeof result?.ok !== 'boolean') failures.push(`no result: ${where()}`);
      else if (!result.ok) {
        if (typeof result.error.code !== 'string') failures.push(`untyped error: ${where()}`);
        else if (result.error.code === 'internal') failures.push(`internal: ${where()}`);
        if (!messages.es[result.error.messageKey] || !messages.en[result.error.messageKey])
          failures.push(`no words for ${result.error.messageKey}: ${where()}`);
      }
    };

    for (const name of names) {
      const sample = sampleOf(calls[name].args);
      await send(name, sample);
      for (const path of positionsOf(sample)) {
        const values = path.length <= 1 ? hostile : hostile.filter(() => random() < deepShare);
        for (const value of values) await send(name, withValueAt(sample, path, value));
        const here = valueAt(sample, path);
        if (here && typeof here === 'object' && !Array.isArray(here))
          for (const polluting of pollutingObjects())
            await send(name, withValueAt(sample, path, { ...here, ...polluting }));
      }
      // Still answering after each call's round.
      expect(await dispatcher.dispatch('app.ping', { text: 'hola' }, { session })).toMatchObject({
        ok: true,
      });
    }

    expect(failures).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(count).toBeGreaterThan(names.length * hostile.length);
  }, 600_000);
});
