/**
 * Lesson plans on this PC (docs/classroom.md, "Lesson plans"): the shipped ones in lessons/plans/
 * (read-only) and the instructor's copies in <data>/plans/. A copy can be renamed and reordered; a
 * shipped plan never changes. Plans that name a lesson this PC does not have are listed with the
 * missing ids (the instructor sees which), never dropped silently.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../common/ipc/app-error';
import {
  checkPlanLessons,
  lessonPlanSchema,
  parsePlan,
  planLessonIds,
  type LessonPlan,
} from '../../common/plans/lesson-plan';
import { ensurePrivateDir, writeFileAtomic } from '../app/atomic-write';
import type { Logger } from '../app/logger';

export type PlanSource = 'shipped' | 'copy';

export interface StoredPlan {
  plan: LessonPlan;
  source: PlanSource;
  /** Lessons the plan names that this PC does not have. */
  missingLessons: string[];
}

export interface PlanStore {
  list(knownLessons: ReadonlySet<string>): StoredPlan[];
  get(id: string, knownLessons: ReadonlySet<string>): StoredPlan;
  /** A copy of any plan, saved under a new id with the given title. */
  copy(id: string, title: LessonPlan['title'], knownLessons: ReadonlySet<string>): StoredPlan;
  /** Saves an edited copy (title, meeting order, notes). Shipped plans are refused. */
  save(plan: LessonPlan, knownLessons: ReadonlySet<string>): StoredPlan;
}

const planFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];

export const createPlanStore = (options: {
  shippedDir: string;
  savedDir: string;
  logger: Logger;
}): PlanStore => {
  const readDir = (dir: string, source: PlanSource): Map<string, LessonPlan> => {
    const plans = new Map<string, LessonPlan>();
    for (const file of planFiles(dir)) {
      const parsed = parsePlan(readFileSync(join(dir, file), 'utf8'));
      if (!parsed.ok) {
        options.logger.warn(
          `plan ${source}/${file} left out: ${parsed.problems[0].messageKey} ${parsed.problems[0].path}`,
        );
        continue;
      }
      if (`${parsed.plan.id}.json` !== file) {
        options.logger.warn(`plan ${source}/${file} left out: its id is ${parsed.plan.id}`);
        continue;
      }
      plans.set(parsed.plan.id, parsed.plan);
    }
    return plans;
  };
  const describe = (plan: LessonPlan, source: PlanSource, known: ReadonlySet<string>): StoredPlan => ({
    plan,
    source,
    missingLessons: planLessonIds(plan).filter((id) => !known.has(id)),
  });
  const all = (known: ReadonlySet<string>): StoredPlan[] => {
    const shipped = readDir(options.shippedDir, 'shipped');
    const copies = readDir(options.savedDir, 'copy');
    return [
      ...[...shipped.values()].map((plan) => describe(plan, 'shipped', known)),
      ...[...copies.values()]
        .filter((plan) => !shipped.has(plan.id))
        .map((plan) => describe(plan, 'copy', known)),
    ];
  };
  const get = (id: string, known: ReadonlySet<string>): StoredPlan => {
    const found = all(known).find((stored) => stored.plan.id === id);
    if (!found)
      throw new AppError('classroom.plan-not-found', { messageKey: 'classroom.error.plan-not-found' });
    return found;
  };
  const write = (plan: LessonPlan, known: ReadonlySet<string>): StoredPlan => {
    const checked = checkPlanLessons(lessonPlanSchema.parse(plan), known);
    if (!checked.ok) {
      const first = checked.problems[0];
      throw new AppError('classroom.plan-invalid', { messageKey: first.messageKey, params: first.params });
    }
    ensurePrivateDir(options.savedDir);
    writeFileAtomic(join(options.savedDir, `${plan.id}.json`), `${JSON.stringify(plan, null, 2)}\n`);
    return describe(plan, 'copy', known);
  };
  return {
    list: all,
    get,
    copy(id, title, known) {
      const { plan } = get(id, known);
      const copyId = `${plan.copiedFrom ?? plan.id}-${randomBytes(3).toString('hex')}`
        .slice(-64)
        .replace(/^-+/, '');
      // A copy keeps meetings whose lessons are here; a copy of a plan whose lessons are missing would be refused.
      const copy: LessonPlan = { ...plan, id: copyId, title, copiedFrom: plan.copiedFrom ?? plan.id };
      return write(copy, new Set([...known, ...planLessonIds(plan)]));
    },
    save(plan, known) {
      const existing = get(plan.id, known);
      if (existing.source === 'shipped') {
        throw new AppError('classroom.plan-read-only', { messageKey: 'classroom.error.plan-read-only' });
      }
      return write(plan, new Set([...known, ...planLessonIds(existing.plan)]));
    },
  };
};
