import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { maxWireMessageBytes, wireRequestSchema, type WireMessage } from '../../common/ipc/wire';
import type { EventHub } from '../app/event-hub';
import type { Logger } from '../app/logger';
import { createConnectionSession } from '../ipc/connection-session';
import type { Dispatcher } from '../ipc/dispatcher';
import { checkRequest, tokenCookieName } from './request-guard';
import { securityHeadersFor } from './security-headers';
import { readStaticFile } from './static-files';

export interface WebServerOptions {
  dispatcher: Dispatcher;
  events: EventHub;
  logger: Logger;
  rendererDir: string;
  /** 0 or undefined: a free port. */
  port?: number;
  token?: string;
  staffIdleMs?: number;
  /** Bytes a connection may have waiting to be sent before it counts as not reading and is dropped. */
  maxBufferedBytes?: number;
}

/** What the bridge holds for its connections now, and the most any one connection held. */
export interface BridgeStats {
  connections: number;
  peakBufferedBytes: number;
}

export interface RunningWebServer {
  port: number;
  token: string;
  url: string;
  bridgeStats(): BridgeStats;
  close(): Promise<void>;
}

/** Room for two of the largest messages: a client that reads stays far below it. */
export const defaultMaxBufferedBytes = 2 * maxWireMessageBytes;
/** Calls one connection may have running; past it, its socket is not read until some finish. */
export const maxCallsInFlight = 32;

const refuse = (res: ServerResponse, status: number, reason: string) => {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`Chispa: ${reason}\n`);
};

/**
 * Browser mode: the same main-side services as Electron, reached over a WebSocket bridge by a
 * normal browser. Listens on 127.0.0.1 only and guards every request (see request-guard.ts).
 */
export const startWebServer = async (options: WebServerOptions): Promise<RunningWebServer> => {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const verdict = checkRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        url: req.url ?? '/',
        cookie: req.headers.cookie,
        isWebSocket: false,
      },
      { port, token },
    );
    if (!verdict.allowed) return refuse(res, verdict.status, verdict.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) return refuse(res, 404, 'not found');
    const headers: Record<string, string> = {
      ...securityHeadersFor(file.path, `ws://${req.headers.host}`),
      'Content-Type': file.contentType,
      'Content-Length': String(file.body.length),
    };
    if (verdict.tokenFromQuery) {
      headers['Set-Cookie'] = `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxWireMessageBytes });
  server.on('upgrade', (req, socket, head) => {
    const verdict = checkRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        url: req.url ?? '/',
        cookie: req.headers.cookie,
        isWebSocket: true,
      },
      { port, token },
    );
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!verdict.allowed || path !== '/bridge') {
      const status = verdict.allowed ? 404 : verdict.status;
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachBridge(ws));
  });

  const maxBufferedBytes = options.maxBufferedBytes ?? defaultMaxBufferedBytes;
  let peakBufferedBytes = 0;

  // Backpressure both ways: a client that does not read its answers (or events) is dropped once
  // its send buffer passes the bound, instead of growing the server's memory; a client that sends
  // faster than calls finish is not read until some of its calls are answered.
  const attachBridge = (ws: WebSocket) => {
    const session = createConnectionSession(randomUUID(), { idleMs: options.staffIdleMs });
    let inFlight = 0;
    const send = (message: WireMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(JSON.stringify(message));
      peakBufferedBytes = Math.max(peakBufferedBytes, ws.bufferedAmount);
      if (ws.bufferedAmount > maxBufferedBytes) {
        options.logger.warn(
          `bridge: dropped a client that does not read (${ws.bufferedAmount} bytes waiting)`,
        );
        ws.terminate();
      }
    };
    const unsubscribe = options.events.subscribe((name, payload) => send({ kind: 'event', name, payload }));
    ws.on('close', unsubscribe);
    ws.on('error', (error) => options.logger.warn('bridge socket error', error));
    ws.on('message', async (data, isBinary) => {
      let parsed: unknown;
      try {
        parsed = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        parsed = undefined;
      }
      const request = wireRequestSchema.safeParse(parsed);
      if (!request.success) {
        // Without a valid id there is nobody to answer; a broken client gets closed.
        ws.close(1003, 'bad message');
        return;
      }
      inFlight += 1;
      if (inFlight >= maxCallsInFlight) ws.pause();
      try {
        const result = await options.dispatcher.dispatch(request.data.name, request.data.args, { session });
        send({ kind: 'result', id: request.data.id, result });
      } finally {
        inFlight -= 1;
        if (ws.isPaused && inFlight < maxCallsInFlight / 2) ws.resume();
      }
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    bridgeStats: () => ({ connections: wss.clients.size, peakBufferedBytes }),
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
