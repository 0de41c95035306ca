import { AppError } from '../../../common/ipc/app-error';

/**
 * Why a lesson pack was refused. Each reason has a message in common/i18n/<lang>/lesson-panel.json
 * under `lessons.pack.<reason>`, written for the instructor who picked the pack.
 */
export type PackRefusalReason =
  | 'not-zip'
  | 'too-big'
  | 'file-too-big'
  | 'too-many-files'
  | 'path-outside'
  | 'link'
  | 'file-type'
  | 'bad-image'
  | 'svg-unsafe'
  | 'markdown-html'
  | 'markdown-link'
  | 'not-text'
  | 'bad-json'
  | 'no-lesson'
  | 'lesson-invalid'
  | 'shipped-id'
  | 'encrypted'
  | 'duplicate';

export const packRefused = (reason: PackRefusalReason, params: Record<string, string | number> = {}): AppError =>
  new AppError('lessons.pack-refused', {
    messageKey: `lessons.pack.${reason}`,
    params,
    details: [reason],
  });

/** The refusal reason carried by an error from the pack checks (undefined for other errors). */
export const refusalReason = (error: unknown): PackRefusalReason | undefined =>
  error instanceof AppError && error.code === 'lessons.pack-refused'
    ? (error.details?.[0] as PackRefusalReason)
    : undefined;

/**
 * Limits for one pack. A pack crosses the IPC bridge whole (8 MiB per message in browser mode,
 * base64 adds a third), so the pack itself stays under 5 MiB; what it unpacks to is bounded too,
 * entry by entry, whatever the zip headers claim.
 */
export const packLimits = {
  packBytes: 5 * 1024 * 1024,
  totalBytes: 20 * 1024 * 1024,
  fileBytes: 2 * 1024 * 1024,
  markdownBytes: 256 * 1024,
  files: 200,
} as const;

export type PackLimits = { [K in keyof typeof packLimits]: number };
