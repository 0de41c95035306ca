import { z } from 'zod';

/** Messages of the browser-mode WebSocket bridge. Electron uses ipcRenderer.invoke instead. */
export const wireRequestSchema = z
  .object({
    kind: z.literal('call'),
    id: z.number().int().nonnegative(),
    name: z.string().max(100),
    args: z.unknown(),
  })
  .strict();

export type WireMessage =
  { kind: 'result'; id: number; result: unknown } | { kind: 'event'; name: string; payload: unknown };

/** Largest bridge message accepted (a project or a roster import fits well inside). */
export const maxWireMessageBytes = 8 * 1024 * 1024;

/**
 * Longest text argument (a roster, a project) that always fits in one message once escaped:
 * JSON writes any character in at most 6 bytes ("\u0001"), and the envelope gets 64 KiB.
 */
export const maxWireTextChars = Math.floor((maxWireMessageBytes - 64 * 1024) / 6);
