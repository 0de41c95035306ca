import type { Migration } from '../migration';
import { migration001People } from './001-people';
import { migration002Sessions } from './002-sessions';
import { migration003Attendance } from './003-attendance';
import { migration004OutboxAuditSettings } from './004-outbox-audit-settings';
import { migration005SyncState } from './005-sync-state';
import { migration006LessonProgress } from './006-lesson-progress';

/** In order. Append new files; never edit a shipped one. */
export const migrations: readonly Migration[] = [
  migration001People,
  migration002Sessions,
  migration003Attendance,
  migration004OutboxAuditSettings,
  migration005SyncState,
  migration006LessonProgress,
];
