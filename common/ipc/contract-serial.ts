import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { localeSchema } from '../i18n/locale';
import { boardStatusSchema } from './contract-board';

/**
 * Real boards over serial: find ports (with friendly names for clones), prepare a board (flash the
 * kit firmware through its bootloader) and diagnose why a board is not found or not answering.
 * Connecting is 'board.connect' with { kind: 'serial', path }.
 */
const portPathSchema = z.string().trim().min(1).max(260);

export const serialPortSchema = z.object({
  path: z.string(),
  /** Locale key of the friendly name, e.g. "serial.port.kind.ch340". */
  labelKey: z.string(),
  name: z.string(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  serialNumber: z.string().nullable(),
  manufacturer: z.string().nullable(),
  chip: z.enum(['atmega328p', 'other-avr', 'not-avr', 'unknown']),
  likelyBoard: z.boolean(),
  bootloaderBauds: z.array(z.number()),
  driverAnchor: z.string().nullable(),
  manual: z.boolean(),
});
export type SerialPortInfo = z.infer<typeof serialPortSchema>;

export const portListingSchema = z.object({
  ports: z.array(serialPortSchema),
  /** Locale key when listing failed or is partial; the dialog then offers typing a path. */
  problemKey: z.string().nullable(),
});

export const flashProgressSchema = z.object({
  path: z.string(),
  phase: z.enum(['connecting', 'checking', 'writing', 'verifying', 'done']),
  percent: z.number().min(0).max(100),
});

export const diagnosisFindingSchema = z.object({
  id: z.enum(['port-present', 'port-open', 'dialout', 'brltty', 'boards-listed', 'port-list']),
  status: z.enum(['ok', 'problem', 'warning', 'unknown', 'skipped']),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Section of the troubleshooting guide (anchor id), if one explains it. */
  guideAnchor: z.string().nullable(),
});

export const serialCalls = {
  'serial.listPorts': defineCall({
    args: z.object({}).strict(),
    result: portListingSchema,
    access: 'student',
  }),
  /** A path typed by hand (ptys, adapters the OS does not list): watched from now on. */
  'serial.addManualPort': defineCall({
    args: z.object({ path: portPathSchema }).strict(),
    result: portListingSchema,
    access: 'student',
  }),
  /** Flashes the kit firmware, verifies it and reconnects; progress on 'serial.flashProgress'. */
  'serial.prepareBoard': defineCall({
    args: z.object({ path: portPathSchema }).strict(),
    result: z.object({
      baudRate: z.number(),
      signature: z.string(),
      bytes: z.number(),
      pages: z.number(),
      durationMs: z.number(),
      status: boardStatusSchema,
    }),
    access: 'student',
  }),
  'serial.diagnose': defineCall({
    args: z.object({ path: portPathSchema.nullable() }).strict(),
    result: z.object({ findings: z.array(diagnosisFindingSchema) }),
    access: 'student',
  }),
  /** The troubleshooting guide (markdown, sections with <a id> anchors) in a language. */
  'serial.guide': defineCall({
    args: z.object({ locale: localeSchema }).strict(),
    result: z.object({ markdown: z.string() }),
    access: 'student',
  }),
};

export type SerialCallName = keyof typeof serialCalls;

export const serialEvents = {
  'serial.ports': defineEvent(portListingSchema),
  'serial.flashProgress': defineEvent(flashProgressSchema),
};
