/**
 * Who is doing the lessons on this PC, and their passed steps. The choice (a person id or an
 * anonymous run id, never a name) is kept in the data folder so it survives a restart, until
 * "Nuevo" or another child picks their name. A person can be chosen only while checked in today.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../common/ipc/app-error';
import type { ProgressChoice, ProgressLearner, ProgressReport } from '../../common/ipc/contract-progress';
import { writeFileAtomic } from '../app/atomic-write';
import type { Logger } from '../app/logger';
import type { AttendanceStore } from '../attendance/attendance-store';
import { anonymousLearner, learnersCheckedIn, progressReport, recordPassedStep } from './progress-repo';

type Saved = { kind: 'none' } | { kind: 'anonymous'; runId: string } | { kind: 'person'; personId: string };

export interface ProgressService {
  choice(): Promise<ProgressChoice>;
  choose(personId: string | null): Promise<ProgressChoice>;
  forget(): Promise<ProgressChoice>;
  /** Records a passed step for the chosen learner; nothing when nobody is chosen. */
  stepPassed(lessonId: string, step: number, stepCount: number): Promise<void>;
  report(): Promise<ProgressReport>;
}

/** The PC's local date, as sessions store it. */
export const localDate = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

const readSaved = (file: string): Saved => {
  if (!existsSync(file)) return { kind: 'none' };
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<Saved> & Record<string, unknown>;
    if (saved.kind === 'person' && typeof saved.personId === 'string')
      return { kind: 'person', personId: saved.personId };
    if (saved.kind === 'anonymous' && typeof saved.runId === 'string' && saved.runId.startsWith('anon:'))
      return { kind: 'anonymous', runId: saved.runId };
  } catch {
    // a damaged file: nobody is chosen
  }
  return { kind: 'none' };
};

export const createProgressService = (options: {
  store: AttendanceStore;
  dataDir: string;
  logger: Logger;
  today?: () => string;
}): ProgressService => {
  const file = join(options.dataDir, 'progress-learner.json');
  const today = options.today ?? (() => localDate());
  let saved = readSaved(file);
  const save = (next: Saved) => {
    saved = next;
    writeFileAtomic(file, JSON.stringify(next));
  };
  const todayList = () => learnersCheckedIn(options.store.db().read, today());

  const choice = async (): Promise<ProgressChoice> => {
    const list = await todayList();
    let learner: ProgressLearner = { kind: saved.kind === 'anonymous' ? 'anonymous' : 'none' };
    if (saved.kind === 'person') {
      const { personId } = saved;
      const person = list.find((entry) => entry.personId === personId);
      // Checked out, erased or from another day: the next child starts from the list.
      if (person) learner = { kind: 'person', ...person };
      else save({ kind: 'none' });
    }
    return { learner, today: list };
  };

  return {
    choice,
    async choose(personId) {
      if (personId === null) save({ kind: 'anonymous', runId: anonymousLearner() });
      else {
        const list = await todayList();
        if (!list.some((entry) => entry.personId === personId))
          throw new AppError('progress.not-checked-in', { messageKey: 'progress.error.not-checked-in' });
        save({ kind: 'person', personId });
      }
      return choice();
    },
    async forget() {
      save({ kind: 'none' });
      return choice();
    },
    async stepPassed(lessonId, step, stepCount) {
      const current = (await choice()).learner;
      if (current.kind === 'none' || saved.kind === 'none') return;
      const learner = saved.kind === 'person' ? saved.personId : saved.runId;
      const personId = saved.kind === 'person' ? saved.personId : null;
      await options.store
        .db()
        .write((tx) =>
          recordPassedStep(
            tx,
            { learner, personId, lessonId, step, stepCount, date: today() },
            new Date().toISOString(),
          ),
        );
    },
    report: () => progressReport(options.store.db().read),
  };
};
