import type { AttendanceService } from '../attendance/attendance-service';
import type { BoardService } from '../board/board-service';
import type { SerialService } from '../serial/serial-service';
import type { DataLayout } from './data-dir';
import type { EventHub } from './event-hub';
import type { Logger } from './logger';
import type { SettingsStore } from './settings-store';
import type { ProjectStore } from '../projects/project-store';
import type { LessonService } from '../lessons/lesson-service';
import type { SyncService } from '../sync/sync-service';
import type { PlanService } from '../classroom/plan-service';
import type { ClassroomService } from '../classroom/classroom-service';
import type { HelpService } from '../lessons/help-service';
import type { ProgressService } from '../progress/progress-service';

export type AppMode = 'electron' | 'browser';

/** Everything main-side handlers can reach. Each feature adds its service here. */
export interface AppServices {
  mode: AppMode;
  version: string;
  layout: DataLayout;
  logger: Logger;
  events: EventHub;
  settings: SettingsStore;
  /** Attendance log and staff PIN (issue 6): one SQLite database, one writer. */
  attendance: AttendanceService;
  /** The board below the student's program: virtual Uno or serial, via johnny-five (issue 3). */
  board: BoardService;
  /** Real boards over serial: ports, Prepare board, reconnect, diagnosis (issue 4). */
  serial: SerialService;
  /** The student's work in <data>/projects: every project, the open one autosaved. */
  projects: ProjectStore;
  /** Lessons, each child's work per lesson, checks on the virtual Uno, pack import (issue 10). */
  lessons: LessonService;
  /** Sync with the central reach tracker: enrolment, rounds, status, USB bundles (issue 13). */
  sync: SyncService;
  /** Lesson plans, today's class and printed guides (issue 12). */
  plans: PlanService;
  /** The live class on the centre's network, instructor and student sides (issue 12). */
  classroom: ClassroomService;
  /** Helplines per country for the lessons, and the centre's chosen country (issue 11). */
  help: HelpService;
  /** Who does the lesson steps on this PC, their passed steps, and the staff progress view (issue 12). */
  progress: ProgressService;
  /** Stops workers, closes ports and databases. Safe to call twice. */
  dispose(): Promise<void>;
}
