import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/app/create-services';
import { silentLogger } from '../../../main/app/logger';
import type { AppServices } from '../../../main/app/services';
import { createAppDispatcher } from '../../../main/ipc/register-handlers';
import { startWebServer, type RunningWebServer } from '../../../main/web/web-server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const get = (port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });

/** Opens the bridge; resolves with the socket, or with the refusal status. */
const openBridge = (
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<WebSocket | number> =>
  new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });

const callOver = (ws: WebSocket, id: number, name: string, args: unknown): Promise<unknown> =>
  new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString());
      if (message.kind === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ kind: 'call', id, name, args }));
  });

describe('browser mode server', () => {
  let dataDir: string;
  let rendererDir: string;
  let services: AppServices;
  let server: RunningWebServer;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-web-'));
    rendererDir = join(dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Chispa</title>');
    writeFileSync(join(dataDir, 'secret.txt'), 'outside the renderer');
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
    });
  });
  afterAll(async () => {
    await server.close();
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a URL on 127.0.0.1 with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('serves the page with the token and a strict CSP, and sets a cookie for later requests', async () => {
    const reply = await get(server.port, `/?token=${server.token}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toMatch(/script-src 'self';/);
    expect(reply.headers['content-security-policy']).toMatch(/object-src 'none'/);
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const again = await get(server.port, '/index.html', { cookie: cookie.split(';')[0] });
    expect(again.status).toBe(200);
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await get(server.port, '/')).status).toBe(401);
    expect((await get(server.port, '/?token=nope')).status).toBe(401);
    expect((await get(server.port, `/?token=${server.token}x`)).status).toBe(401);
  });

  it('refuses a foreign Origin or Host even with the token', async () => {
    const path = `/?token=${server.token}`;
    expect((await get(server.port, path, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(server.port, path, { host: 'evil.example' })).status).toBe(403);
    expect((await get(server.port, path, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('does not serve files outside the renderer folder', async () => {
    const reply = await get(server.port, `/..%2fsecret.txt?token=${server.token}`);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('outside the renderer');
  });

  it('refuses WebSocket bridges without the token or with a foreign Origin', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    expect(await openBridge(server.port, '/bridge', { origin })).toBe(401);
    expect(
      await openBridge(server.port, `/bridge?token=${server.token}`, { origin: 'http://evil.example' }),
    ).toBe(403);
    expect(await openBridge(server.port, `/bridge?token=${server.token}`, {})).toBe(403);
  });

  it('answers calls over the bridge, with typed errors for bad arguments', async () => {
    const ws = await openBridge(server.port, `/bridge?token=${server.token}`, {
      origin: `http://127.0.0.1:${server.port}`,
    });
    expect(ws).toBeInstanceOf(WebSocket);
    const socket = ws as WebSocket;
    await expect(callOver(socket, 1, 'app.ping', { text: 'hola' })).resolves.toMatchObject({
      ok: true,
      value: { echo: 'hola' },
    });
    await expect(callOver(socket, 2, 'app.ping', { text: ['no'] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request', messageKey: 'error.bad-request' },
    });
    await expect(callOver(socket, 3, 'nope.nothing', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    });
    socket.close();
  });

  it('closes a bridge that sends something that is not a call, without crashing the server', async () => {
    const socket = (await openBridge(server.port, `/bridge?token=${server.token}`, {
      origin: `http://127.0.0.1:${server.port}`,
    })) as WebSocket;
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('{"kind":"call"');
    expect(await closed).toBe(1003);
    expect((await get(server.port, `/?token=${server.token}`)).status).toBe(200);
  });
});
