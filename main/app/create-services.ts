import { join } from 'node:path';
import { openAttendanceService } from '../attendance/attendance-service';
import { createBoardService } from '../board/board-service';
import { defaultFirmwareHexPath } from '../board/firmware-path';
import { dataLayout, ensureDataLayout } from './data-dir';
import { createEventHub } from './event-hub';
import { createFileLogger, type Logger } from './logger';
import { createSettingsStore } from './settings-store';
import type { AppMode, AppServices } from './services';
import packageJson from '../../package.json';

/** Composition root for main-side services: builds and wires, nothing else. */
export const createServices = async (options: {
  dataDir: string;
  mode: AppMode;
  logger?: Logger;
  /** Kit firmware hex for the virtual Uno (default: firmware/chispa-firmata.hex). */
  firmwareHexPath?: string;
}): Promise<AppServices> => {
  const layout = ensureDataLayout(dataLayout(options.dataDir));
  const logger = options.logger ?? createFileLogger(join(layout.logs, 'chispa.log'));
  const events = createEventHub();
  const settings = createSettingsStore(layout.settings, logger);
  const { version } = packageJson;
  const disposers: Array<() => Promise<void> | void> = [];
  const attendance = await openAttendanceService({
    database: layout.database,
    backups: layout.backups,
    exports: layout.exports,
    logger,
  });
  disposers.push(() => attendance.close());
  const board = createBoardService({
    events,
    logger,
    firmwareHexPath: options.firmwareHexPath ?? defaultFirmwareHexPath(),
  });
  disposers.push(() => board.dispose());
  let disposed = false;
  return {
    mode: options.mode,
    version,
    layout,
    logger,
    events,
    settings,
    board,
    attendance,
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const dispose of disposers.reverse()) await dispose();
    },
  };
};
