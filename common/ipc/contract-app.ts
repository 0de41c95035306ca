import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { localeSchema } from '../i18n/locale';

/** App-level calls: health check, app info and user settings. */
export const appCalls = {
  'app.ping': defineCall({
    args: z.object({ text: z.string().max(200) }).strict(),
    result: z.object({ echo: z.string(), receivedAt: z.string() }),
    access: 'student',
  }),
  'app.info': defineCall({
    args: z.object({}).strict(),
    result: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      dataDir: z.string(),
      platform: z.string(),
    }),
    access: 'student',
  }),
  'settings.get': defineCall({
    args: z.object({}).strict(),
    result: z.object({ language: localeSchema }),
    access: 'student',
  }),
  'settings.setLanguage': defineCall({
    args: z.object({ language: localeSchema }).strict(),
    result: z.object({ language: localeSchema }),
    access: 'student',
  }),
};

export type AppCallName = keyof typeof appCalls;

export const appEvents = {
  'settings.changed': defineEvent(z.object({ language: localeSchema })),
};
