/**
 * Exports and project saves reach the main process as ordinary downloads (renderer/ui/download-file.ts,
 * the same code browser mode uses). In Electron each one opens the system's save dialog, starting
 * in the user's Documents folder with the file's own name and type.
 */
import type { Session } from 'electron';
import { join } from 'node:path';

const FILTERS: Array<{ suffix: string; extensions: string[] }> = [
  { suffix: '.chispa.json', extensions: ['json'] },
  { suffix: '.xlsx', extensions: ['xlsx'] },
  { suffix: '.csv', extensions: ['csv'] },
];

export const saveDownloadsWithDialog = (session: Pick<Session, 'on'>, documentsDir: string): void => {
  session.on('will-download', (_event, item) => {
    const fileName = item.getFilename();
    const filter = FILTERS.find(({ suffix }) => fileName.toLowerCase().endsWith(suffix));
    item.setSaveDialogOptions({
      defaultPath: join(documentsDir, fileName),
      filters: filter ? [{ name: `*${filter.suffix}`, extensions: filter.extensions }] : [],
    });
  });
};
