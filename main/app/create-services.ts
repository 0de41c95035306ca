import { join } from 'node:path';
import { openAttendanceService } from '../attendance/attendance-service';
import { createBoardService } from '../board/board-service';
import { defaultFirmwareHexPath } from '../board/firmware-path';
import { createSerialService } from '../serial/serial-service';
import type { BoardStatus } from '../../common/ipc/contract-board';
import { dataLayout, ensureDataLayout } from './data-dir';
import { createEventHub } from './event-hub';
import { removePartialFiles } from './atomic-write';
import { acquireInstanceLock } from './instance-lock';
import { createFileLogger, type Logger } from './logger';
import { createSettingsStore } from './settings-store';
import { createProjectStore } from '../projects/project-store';
import { createLessonsService } from '../lessons/create-lessons-service';
import { createHelpService } from '../lessons/help-service';
import type { AppMode, AppServices } from './services';
import packageJson from '../../package.json';
import { createCredentialStore, type SecretSealer } from '../sync/credential-store';
import { createSyncService } from '../sync/sync-service';
import { createPlanService } from '../classroom/plan-service';
import { createPlanStore } from '../classroom/plan-store';
import { defaultShippedLessonsDir } from '../lessons/lessons-path';
import { createClassroomService } from '../classroom/classroom-service';
import { withLessonActivity } from '../classroom/lesson-activity';
import { createProgressService } from '../progress/progress-service';
import { withLessonProgress } from '../progress/with-lesson-progress';

/** Composition root for main-side services: builds and wires, nothing else. */
export const createServices = async (options: {
  dataDir: string;
  mode: AppMode;
  logger?: Logger;
  /** Kit firmware hex for the virtual Uno (default: firmware/chispa-firmata.hex). */
  firmwareHexPath?: string;
  /** The OS key store for the tracker credential (Electron safeStorage); none: a 0600 file. */
  secretSealer?: SecretSealer | null;
  /** Automatic sync period in ms (default 10 minutes; 0: only "Sync now"). */
  syncIntervalMs?: number;
}): Promise<AppServices> => {
  const layout = ensureDataLayout(dataLayout(options.dataDir));
  const instanceLock = acquireInstanceLock(layout.root);
  for (const dir of [layout.root, layout.projects, layout.exports]) removePartialFiles(dir);
  const logger = options.logger ?? createFileLogger(join(layout.logs, 'chispa.log'));
  const events = createEventHub();
  const settings = createSettingsStore(layout.settings, logger);
  const { version } = packageJson;
  const disposers: Array<() => Promise<void> | void> = [() => instanceLock.release()];
  const attendance = await openAttendanceService({
    database: layout.database,
    backups: layout.backups,
    exports: layout.exports,
    logger,
  }).catch((error: unknown) => {
    instanceLock.release();
    throw error;
  });
  disposers.push(() => attendance.close());
  const sync = createSyncService({
    store: attendance.store,
    credentials: createCredentialStore(layout.root, options.secretSealer ?? null),
    exportsDir: layout.exports,
    logger,
    intervalMs: options.syncIntervalMs,
    onChange: (state) => events.emit('sync.changed', { state }),
  });
  await sync.start();
  disposers.push(() => sync.dispose());
  const board = createBoardService({
    events,
    logger,
    firmwareHexPath: options.firmwareHexPath ?? defaultFirmwareHexPath(),
  });
  disposers.push(() => board.dispose());
  const serial = createSerialService({
    firmwarePath: options.firmwareHexPath ?? defaultFirmwareHexPath(),
    onProgress: (progress) => events.emit('serial.flashProgress', progress),
    onPorts: (listing) => events.emit('serial.ports', listing),
    log: (message, error) => logger.warn(message, error),
  });
  board.setTransportFactory('serial', serial.transports.factory);
  serial.attachBoard(board);
  const stopSerialBoardWatch = events.subscribe((name, payload) => {
    if (name === 'board.state') serial.onBoardState(payload as BoardStatus);
  });
  disposers.push(() => {
    stopSerialBoardWatch();
    serial.dispose();
  });
  const classroom = createClassroomService({
    dataDir: layout.root,
    logger,
    pcName: process.env.CHISPA_PC_NAME,
    people: {
      learners: async () =>
        (
          await attendance.people.search({ query: '', type: 'learner', includeDeleted: false, limit: 300 })
        ).map((person) => ({ personId: person.id, displayName: person.displayName })),
      present: async (sessionId) =>
        new Set(
          (await attendance.checkIn.listAttendance(sessionId)).entries
            .filter((entry) => entry.present)
            .map((entry) => entry.personId),
        ),
    },
    onView: (view) => events.emit('classroom.changed', { view }),
    onMember: (state) => events.emit('classroom.member', { state }),
    onCommand: (command) => events.emit('classroom.command', { command }),
  });
  disposers.push(() => classroom.dispose());
  const stopClassBoardWatch = events.subscribe((name, payload) => {
    if (name === 'board.state') classroom.noteBoard(payload as BoardStatus);
  });
  disposers.push(stopClassBoardWatch);
  const progress = createProgressService({ store: attendance.store, dataDir: layout.root, logger });
  const lessons = withLessonActivity(
    withLessonProgress(createLessonsService({ dataDir: layout.root, board, logger }), progress, logger),
    (position) => classroom.notePosition(position),
  );
  const plans = createPlanService({
    store: createPlanStore({
      shippedDir: join(defaultShippedLessonsDir(), 'plans'),
      savedDir: join(layout.root, 'plans'),
      logger,
    }),
    lessons,
    createSession: (input) => attendance.checkIn.createSession(input),
  });
  let disposed = false;
  return {
    mode: options.mode,
    version,
    layout,
    logger,
    events,
    settings,
    board,
    serial,
    attendance,
    sync,
    projects: createProjectStore(layout.projects, logger),
    lessons,
    plans,
    classroom,
    help: createHelpService({ settings, logger }),
    progress,
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const dispose of disposers.reverse()) await dispose();
    },
  };
};
