import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/app/create-services';
import { silentLogger } from '../../../main/app/logger';
import type { AppServices } from '../../../main/app/services';
import { createConnectionSession } from '../../../main/ipc/connection-session';
import { createAppDispatcher } from '../../../main/ipc/register-handlers';
import type { Dispatcher } from '../../../main/ipc/dispatcher';

describe('IPC dispatcher', () => {
  let dataDir: string;
  let services: AppServices;
  let dispatcher: Dispatcher;
  const ctx = () => ({ session: createConnectionSession('test') });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-dispatch-'));
    services = await createServices({ dataDir, mode: 'browser', logger: silentLogger });
    dispatcher = createAppDispatcher(services);
  });
  afterAll(async () => {
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a valid call with a value', async () => {
    const result = await dispatcher.dispatch('app.ping', { text: 'hola' }, ctx());
    expect(result).toMatchObject({ ok: true, value: { echo: 'hola' } });
  });

  it('returns a typed bad-request error for a wrong argument type, naming the field', async () => {
    const result = await dispatcher.dispatch('app.ping', { text: 42 }, ctx());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-request');
    expect(result.error.messageKey).toBe('error.bad-request');
    expect(result.error.details?.join(' ')).toMatch(/^text:/);
  });

  it('rejects unknown extra fields, missing args and non-object args without throwing', async () => {
    for (const args of [{ text: 'x', evil: true }, undefined, null, 'text', [1, 2]]) {
      const result = await dispatcher.dispatch('app.ping', args, ctx());
      expect(result.ok, JSON.stringify(args)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad-request');
    }
  });

  it('returns unknown-call for names outside the contract, including prototype names', async () => {
    for (const name of ['app.format-disk', '__proto__', 'constructor', 42, undefined]) {
      const result = await dispatcher.dispatch(name, {}, ctx());
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
  });

  it('validates enum arguments: an unsupported language is refused and nothing is saved', async () => {
    const before = services.settings.get().language;
    const result = await dispatcher.dispatch('settings.setLanguage', { language: 'fr' }, ctx());
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(services.settings.get().language).toBe(before);
  });

  it('remembers the language in the data directory across a restart', async () => {
    const result = await dispatcher.dispatch('settings.setLanguage', { language: 'en' }, ctx());
    expect(result).toMatchObject({ ok: true, value: { language: 'en' } });
    await services.dispose();
    services = await createServices({ dataDir, mode: 'browser', logger: silentLogger });
    dispatcher = createAppDispatcher(services);
    expect(services.settings.get().language).toBe('en');
  });
});
