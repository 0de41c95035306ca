import { z } from 'zod';
import { defineCall } from './define';
import { dateSchema, displayNameSchema, timeSchema, type Session } from './attendance-schemas';
import { lessonPlanSchema, planIdSchema, type LessonPlan } from '../plans/lesson-plan';
import type { Locale } from '../i18n/locale';
import type { LessonPart } from '../lessons/lesson-types';

/**
 * Running a class (issue 12, docs/classroom.md): lesson plans, today's class, and the printed
 * guide. All staff calls.
 *
 * Error codes (message keys in common/i18n/{es,en}/classroom.json):
 * - `classroom.plan-not-found`, `classroom.meeting-not-found`
 * - `classroom.plan-read-only` (a shipped plan is copied, never edited)
 * - `classroom.plan-invalid` (an edited copy names an unknown lesson, or one twice in a meeting)
 */

export interface PlanSummary {
  plan: LessonPlan;
  source: 'shipped' | 'copy';
  /** Lessons the plan names that this PC does not have (yet). */
  missingLessons: string[];
}

/** One meeting of a plan as the one-page printed guide shows it. */
export interface MeetingGuide {
  plan: PlanSummary;
  meeting: number;
  meetingCount: number;
  note: Record<Locale, string>;
  totalMinutes: number;
  lessons: Array<{
    id: string;
    /** The lesson is not on this PC: the guide says so instead of its contents. */
    missing: boolean;
    title: Record<Locale, string> | null;
    summary: Record<Locale, string> | null;
    durationMin: number;
    parts: Array<LessonPart['kind']>;
    steps: Array<{ title: Record<Locale, string>; staffNotes: Record<Locale, string | null> }>;
  }>;
}

export const startTodaySchema = z
  .object({
    planId: planIdSchema,
    meeting: z.number().int().min(0).max(39),
    date: dateSchema,
    startTime: timeSchema,
    facilitator: displayNameSchema,
  })
  .strict();
export type StartTodayInput = z.infer<typeof startTodaySchema>;

const bilingualTitle = z
  .object({ es: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) })
  .strict();

export const planCalls = {
  'plans.list': defineCall({
    args: z.object({}).strict(),
    result: z.custom<{ plans: PlanSummary[] }>(),
    access: 'staff',
  }),
  'plans.get': defineCall({
    args: z.object({ id: planIdSchema }).strict(),
    result: z.custom<PlanSummary>(),
    access: 'staff',
  }),
  /** Copies any plan under a new id; the copy can then be renamed and reordered. */
  'plans.copy': defineCall({
    args: z.object({ id: planIdSchema, title: bilingualTitle }).strict(),
    result: z.custom<PlanSummary>(),
    access: 'staff',
  }),
  /** Saves an instructor's copy (title, meeting order, notes). */
  'plans.save': defineCall({
    args: z.object({ plan: lessonPlanSchema }).strict(),
    result: z.custom<PlanSummary>(),
    access: 'staff',
  }),
  /** "Empezar la clase de hoy": an attendance session from the plan's meeting; check-in opens on it. */
  'plans.startToday': defineCall({
    args: startTodaySchema,
    result: z.custom<{ session: Session; plan: PlanSummary }>(),
    access: 'staff',
  }),
  'plans.guide': defineCall({
    args: z.object({ id: planIdSchema, meeting: z.number().int().min(0).max(39) }).strict(),
    result: z.custom<MeetingGuide>(),
    access: 'staff',
  }),
};
