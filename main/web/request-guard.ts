import { timingSafeEqual } from 'node:crypto';

/**
 * Decides whether a browser-mode request may reach the app. The server listens on 127.0.0.1
 * only; on top of that every request needs the per-launch token (query or cookie), a Host that
 * names this server (defeats DNS rebinding) and, when present, an Origin of this server
 * (defeats other local pages and cross-site WebSockets).
 */
export interface GuardInput {
  host: string | undefined;
  origin: string | undefined;
  url: string;
  cookie: string | undefined;
  isWebSocket: boolean;
}

export type GuardVerdict =
  { allowed: true; tokenFromQuery: boolean } | { allowed: false; status: 400 | 401 | 403; reason: string };

export const tokenCookieName = (port: number): string => `chispa_token_${port}`;

const sameToken = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

const readCookie = (header: string | undefined, name: string): string | undefined => {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
};

export const allowedOrigins = (port: number): string[] => [
  `http://127.0.0.1:${port}`,
  `http://localhost:${port}`,
];

export const checkRequest = (input: GuardInput, expected: { port: number; token: string }): GuardVerdict => {
  const hosts = [`127.0.0.1:${expected.port}`, `localhost:${expected.port}`];
  if (!input.host || !hosts.includes(input.host.toLowerCase())) {
    return { allowed: false, status: 403, reason: 'foreign Host header' };
  }
  if (input.origin !== undefined && !allowedOrigins(expected.port).includes(input.origin.toLowerCase())) {
    return { allowed: false, status: 403, reason: 'foreign Origin header' };
  }
  if (input.isWebSocket && input.origin === undefined) {
    return { allowed: false, status: 403, reason: 'WebSocket without Origin' };
  }
  let url: URL;
  try {
    url = new URL(input.url, `http://${input.host}`);
  } catch {
    return { allowed: false, status: 400, reason: 'bad URL' };
  }
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null && sameToken(queryToken, expected.token))
    return { allowed: true, tokenFromQuery: true };
  const cookieToken = readCookie(input.cookie, tokenCookieName(expected.port));
  if (cookieToken !== undefined && sameToken(cookieToken, expected.token)) {
    return { allowed: true, tokenFromQuery: false };
  }
  return { allowed: false, status: 401, reason: 'missing or wrong token' };
};
