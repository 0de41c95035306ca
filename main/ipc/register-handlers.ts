/**
 * The one place where every IPC handler is registered. Each domain builds its handlers from the
 * services; the CallHandlers type makes a call without a handler a compile error.
 */
import type { AppServices } from '../app/services';
import { createDispatcher, type CallHandlers, type Dispatcher } from './dispatcher';
import { createAppHandlers } from './handlers-app';
import { createBoardHandlers } from './handlers-board';
import { createSerialHandlers } from './handlers-serial';
import { createStaffHandlers } from './handlers-staff';
import { createAttendanceHandlers } from './handlers-attendance';
import { createProjectHandlers } from './handlers-projects';
import { createLessonHandlers } from './handlers-lessons';
import { createSyncHandlers } from './handlers-sync';
import { createClassroomHandlers, createLiveClassHandlers } from './handlers-classroom';
import { createHelpHandlers } from './handlers-help';
import { createProgressHandlers } from './handlers-progress';

export const createAllHandlers = (services: AppServices): CallHandlers => ({
  ...createAppHandlers(services),
  ...createBoardHandlers(services),
  ...createSerialHandlers(services),
  ...createStaffHandlers(services),
  ...createAttendanceHandlers(services),
  ...createProjectHandlers(services),
  ...createLessonHandlers(services),
  ...createSyncHandlers(services),
  ...createClassroomHandlers(services),
  ...createLiveClassHandlers(services),
  ...createHelpHandlers(services),
  ...createProgressHandlers(services),
});

export const createAppDispatcher = (services: AppServices): Dispatcher =>
  createDispatcher(createAllHandlers(services), services.logger);
