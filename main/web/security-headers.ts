/**
 * Security headers for the renderer, shared by browser mode (HTTP) and the Electron shell
 * (custom protocol), so both modes run the renderer under the same Content-Security-Policy.
 */
const basePolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Blockly injects its own <style>; no inline script is ever allowed.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'media-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

type Policy = Record<string, string[]>;

const serialise = (policy: Policy): string =>
  Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');

/** The page's policy. In browser mode the bridge is a WebSocket on the same host and port. */
export const rendererPolicy = (wsOrigin?: string): string =>
  serialise({ ...basePolicy, 'connect-src': wsOrigin ? ["'self'", wsOrigin] : ["'self'"] });

/**
 * Student programs run in a Web Worker that evaluates generated code. Only that worker script
 * may use eval, and it gets no network at all (connect-src 'none') and no nested workers
 * (worker-src and child-src 'none': no data: or blob: worker either).
 */
export const programWorkerPolicy = (): string =>
  serialise({
    'default-src': ["'none'"],
    'script-src': ["'self'", "'unsafe-eval'"],
    'connect-src': ["'none'"],
    'worker-src': ["'none'"],
    'child-src': ["'none'"],
  });

/** Worker scripts whose names end like this get the program-worker policy. */
export const programWorkerSuffix = '.program-worker.js';

export const securityHeadersFor = (path: string, wsOrigin?: string): Record<string, string> => ({
  'Content-Security-Policy': path.endsWith(programWorkerSuffix)
    ? programWorkerPolicy()
    : rendererPolicy(wsOrigin),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()',
  'Cache-Control': 'no-store',
});
