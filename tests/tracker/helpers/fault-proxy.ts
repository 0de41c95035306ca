import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with the nth request: pass it on; answer 500 without passing it on; pass it
 * on and then drop the connection before the answer reaches the client (the tracker committed,
 * the device never heard); or drop the connection before passing it on.
 */
export type Fault = 'pass' | 'http-500' | 'drop-after-forward' | 'drop-before-forward';

export interface FaultProxy {
  url: string;
  /** Requests seen so far, and what was done with each. */
  log: Fault[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of the tracker that injects faults. `decide` picks the fault for
 * request n (0-based); `onForwarded` runs once a request has been handed to the tracker.
 */
export const startFaultProxy = async (
  target: string,
  decide: (n: number) => Fault,
  onForwarded?: (n: number) => void,
): Promise<FaultProxy> => {
  const { hostname, port } = new URL(target);
  const log: Fault[] = [];
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const n = log.length;
    const fault = decide(n);
    log.push(fault);
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      if (fault === 'http-500') {
        outgoing.writeHead(500, { 'content-type': 'text/plain' }).end('injected failure');
        return;
      }
      if (fault === 'drop-before-forward') {
        incoming.socket.destroy();
        return;
      }
      const upstream = httpRequest(
        { hostname, port, path: incoming.url, method: incoming.method, headers: incoming.headers },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            if (fault === 'drop-after-forward') incoming.socket.destroy();
            else outgoing.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(body));
          });
          answer.on('error', () => incoming.socket.destroy());
        },
      );
      upstream.on('error', () => {
        if (!outgoing.headersSent)
          outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('tracker unreachable');
      });
      upstream.end(Buffer.concat(chunks), () => onForwarded?.(n));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
