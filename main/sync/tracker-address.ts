/**
 * The tracker's address as an admin types it. HTTPS only (Node verifies the certificate by
 * default and nothing here turns that off); plain HTTP only to this PC itself (a tracker on the
 * same machine, tests), because anything else would send the device credential in clear.
 */
import { isIP } from 'node:net';
import { syncError } from './errors';

const isLoopbackHost = (hostname: string): boolean => {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
};

/** Checks and normalises the address: origin plus path, no trailing slash, no query or credentials. */
export const parseTrackerAddress = (input: string): URL => {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw syncError('bad-address');
  }
  if (url.username || url.password || url.search || url.hash) throw syncError('bad-address');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) throw syncError('insecure-address');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw syncError('bad-address');
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
};

/** A path under the tracker's address (keeps a base path such as https://host/tracker). */
export const trackerEndpoint = (base: string, path: string): string => {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return url.toString();
};
