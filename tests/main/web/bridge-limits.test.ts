/**
 * Browser mode under load it did not ask for: a client that never reads its answers, the largest
 * roster the contract allows sent over the bridge, and files that must not be served.
 */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calls } from '../../../common/ipc/contract';
import { maxWireMessageBytes } from '../../../common/ipc/wire';
import { createServices } from '../../../main/app/create-services';
import { silentLogger } from '../../../main/app/logger';
import type { AppServices } from '../../../main/app/services';
import { createAppDispatcher } from '../../../main/ipc/register-handlers';
import { startWebServer, type RunningWebServer } from '../../../main/web/web-server';

const maxBufferedBytes = 1024 * 1024;

const getStatus = (port: number, path: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });

describe('browser-mode bridge limits', () => {
  let dataDir: string;
  let services: AppServices;
  let server: RunningWebServer;

  const openBridge = (): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/bridge?token=${server.token}`, {
        headers: { origin: `http://127.0.0.1:${server.port}` },
        maxPayload: 2 * maxWireMessageBytes,
      });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });

  /** Sends one call and waits for its answer (other messages are ignored). */
  const call = (ws: WebSocket, id: number, name: string, args: unknown) =>
    new Promise<{ ok: boolean; error?: { code: string; messageKey: string } }>((resolve, reject) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString());
        if (message.kind !== 'result' || message.id !== id) return;
        ws.off('message', onMessage);
        resolve(message.result);
      };
      ws.on('message', onMessage);
      ws.once('close', (code) => reject(new Error(`bridge closed (${code}) before answering ${name}`)));
      ws.send(JSON.stringify({ kind: 'call', id, name, args }));
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-bridge-'));
    const rendererDir = join(dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Chispa</title>');
    writeFileSync(join(rendererDir, 'main.js'), 'console.log(1);');
    writeFileSync(join(rendererDir, 'main.js.map'), '{"sources":["/home/dev/chispa/renderer/main.ts"]}');
    services = await createServices({
      dataDir: join(dataDir, 'data'),
      mode: 'browser',
      logger: silentLogger,
    });
    server = await startWebServer({
      dispatcher: createAppDispatcher(services),
      events: services.events,
      logger: silentLogger,
      rendererDir,
      maxBufferedBytes,
    });
  });
  afterAll(async () => {
    await server.close();
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the bundle but never a source map', async () => {
    expect(await getStatus(server.port, `/main.js?token=${server.token}`)).toBe(200);
    expect(await getStatus(server.port, `/main.js.map?token=${server.token}`)).toBe(404);
  });

  it('drops a client that never reads, with its send buffer bounded, and keeps serving the others', async () => {
    const reader = await openBridge();
    const stalled = await openBridge();
    const closed = new Promise<void>((resolve) => stalled.once('close', () => resolve()));
    // The client stops reading its socket, then asks for ~15 MB of answers (7 kB guides).
    stalled.pause();
    for (let id = 1; id <= 2000; id++)
      stalled.send(JSON.stringify({ kind: 'call', id, name: 'serial.guide', args: { locale: 'es' } }));
    await vi.waitFor(() => expect(server.bridgeStats().connections).toBe(1), {
      timeout: 60_000,
      interval: 50,
    });
    // Never more than the bound plus the one answer that crossed it.
    expect(server.bridgeStats().peakBufferedBytes).toBeLessThan(maxBufferedBytes + 64 * 1024);
    stalled.resume();
    await closed;
    await expect(call(reader, 1, 'app.ping', { text: 'sigo aquí' })).resolves.toMatchObject({ ok: true });
    reader.close();
  }, 90_000);

  it('carries the largest roster the contract allows in one frame, keeping the connection and the staff role', async () => {
    const ws = await openBridge();
    expect(await call(ws, 1, 'staff.setup', { pin: '2468' })).toMatchObject({ ok: true });
    const shape = (calls['roster.import'].args as unknown as { shape: { csvText: { maxLength: number } } })
      .shape;
    // The worst case for the frame: every character escaped to six bytes.
    const csvText = '\u0001'.repeat(shape.csvText.maxLength);
    expect(await call(ws, 2, 'roster.import', { csvText, dryRun: true })).toMatchObject({
      ok: false,
      error: { code: 'attendance.import-line-too-long', messageKey: 'staff.error.import-line-too-long' },
    });
    expect(await call(ws, 3, 'people.search', { query: '' })).toMatchObject({ ok: true });
    ws.close();
  });
});
