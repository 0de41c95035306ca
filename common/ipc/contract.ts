/**
 * The whole surface between renderer and main (docs/architecture.md, "The IPC contract"). Each domain declares its calls
 * and events in its own contract-*.ts file; this file only merges them. Electron's preload,
 * the browser-mode WebSocket bridge and main's dispatcher are all built from these objects.
 */
import type { z } from 'zod';
import { appCalls, appEvents } from './contract-app';
import { boardCalls, boardEvents } from './contract-board';
import { serialCalls, serialEvents } from './contract-serial';
import { staffCalls } from './contract-staff';
import { attendanceCalls } from './contract-attendance';
import { projectCalls } from './contract-projects';
import { lessonCalls } from './contract-lessons';
import { syncCalls, syncEvents } from './contract-sync';
import { classroomCalls, classroomEvents, planCalls } from './contract-classroom';
import { helpCalls } from './contract-help';
import { progressCalls } from './contract-progress';

export const calls = {
  ...appCalls,
  ...boardCalls,
  ...serialCalls,
  ...staffCalls,
  ...attendanceCalls,
  ...projectCalls,
  ...lessonCalls,
  ...syncCalls,
  ...planCalls,
  ...classroomCalls,
  ...helpCalls,
  ...progressCalls,
};

export const events = {
  ...appEvents,
  ...boardEvents,
  ...serialEvents,
  ...syncEvents,
  ...classroomEvents,
};

export type Calls = typeof calls;
export type Events = typeof events;
export type CallName = keyof Calls;
export type EventName = keyof Events;
export type CallArgs<K extends CallName> = z.input<Calls[K]['args']>;
export type ParsedCallArgs<K extends CallName> = z.output<Calls[K]['args']>;
export type CallResult<K extends CallName> = z.output<Calls[K]['result']>;
export type EventPayload<K extends EventName> = z.output<Events[K]['payload']>;

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

/** Electron's two IPC channels: every call goes over the first, every event over the second. */
export const ipcChannels = { call: 'chispa:call', event: 'chispa:event' } as const;
