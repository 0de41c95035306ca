/**
 * All UI strings, per language. Each domain keeps its own JSON file per language (so
 * features do not edit one shared file); tests/common/i18n-keys.test.ts fails when a key
 * exists in one language and not the other.
 */
import type { Locale } from './locale';
import esApp from './es/app.json';
import enApp from './en/app.json';
import esErrors from './es/errors.json';
import enErrors from './en/errors.json';
import esBoard from './es/board.json';
import enBoard from './en/board.json';
import esEditor from './es/editor.json';
import enEditor from './en/editor.json';
import esLessons from './es/lessons.json';
import enLessons from './en/lessons.json';
import esLessonPanel from './es/lesson-panel.json';
import enLessonPanel from './en/lesson-panel.json';
import esStaff from './es/staff.json';
import enStaff from './en/staff.json';
import esSync from './es/sync.json';
import enSync from './en/sync.json';
import esTroubleshooting from './es/troubleshooting.json';
import enTroubleshooting from './en/troubleshooting.json';
import esRunner from './es/runner.json';
import enRunner from './en/runner.json';
import esConnect from './es/connect.json';
import enConnect from './en/connect.json';
import esLessonFormat from './es/lesson-format.json';
import enLessonFormat from './en/lesson-format.json';
import esLessonChecks from './es/lesson-checks.json';
import enLessonChecks from './en/lesson-checks.json';
import esTracker from './es/tracker.json';
import enTracker from './en/tracker.json';
import esScreens from './es/screens.json';
import enScreens from './en/screens.json';
import esSafety from './es/safety.json';
import enSafety from './en/safety.json';
import esLimits from './es/limits.json';
import enLimits from './en/limits.json';
import esClassroom from './es/classroom.json';
import enClassroom from './en/classroom.json';
import esHelpResources from './es/help-resources.json';
import enHelpResources from './en/help-resources.json';
import esLessonStaffNotes from './es/lesson-staff-notes.json';
import enLessonStaffNotes from './en/lesson-staff-notes.json';
import esBlockly from './es/blockly.json';
import enBlockly from './en/blockly.json';
import esProgress from './es/progress.json';
import enProgress from './en/progress.json';
import esProjects from './es/projects.json';
import enProjects from './en/projects.json';
import esSummaryExport from './es/summary-export.json';
import enSummaryExport from './en/summary-export.json';

export type MessageTable = Readonly<Record<string, string>>;

export const messageFiles: Record<Locale, Record<string, MessageTable>> = {
  es: {
    app: esApp,
    errors: esErrors,
    board: esBoard,
    editor: esEditor,
    lessons: esLessons,
    'lesson-panel': esLessonPanel,
    staff: esStaff,
    sync: esSync,
    troubleshooting: esTroubleshooting,
    runner: esRunner,
    connect: esConnect,
    lessonFormat: esLessonFormat,
    lessonChecks: esLessonChecks,
    tracker: esTracker,
    screens: esScreens,
    safety: esSafety,
    limits: esLimits,
    classroom: esClassroom,
    'help-resources': esHelpResources,
    'lesson-staff-notes': esLessonStaffNotes,
    blockly: esBlockly,
    progress: esProgress,
    projects: esProjects,
    'summary-export': esSummaryExport,
  },
  en: {
    app: enApp,
    errors: enErrors,
    board: enBoard,
    editor: enEditor,
    lessons: enLessons,
    'lesson-panel': enLessonPanel,
    staff: enStaff,
    sync: enSync,
    troubleshooting: enTroubleshooting,
    runner: enRunner,
    connect: enConnect,
    lessonFormat: enLessonFormat,
    lessonChecks: enLessonChecks,
    tracker: enTracker,
    screens: enScreens,
    safety: enSafety,
    limits: enLimits,
    classroom: enClassroom,
    'help-resources': enHelpResources,
    'lesson-staff-notes': enLessonStaffNotes,
    blockly: enBlockly,
    progress: enProgress,
    projects: enProjects,
    'summary-export': enSummaryExport,
  },
};

export const messages: Record<Locale, MessageTable> = {
  es: Object.assign({}, ...Object.values(messageFiles.es)),
  en: Object.assign({}, ...Object.values(messageFiles.en)),
};
