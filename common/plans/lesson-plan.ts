/**
 * Lesson plans (docs/classroom.md, "Lesson plans"): an ordered list of meetings for a group, each
 * with the lessons it covers and a note for the instructor, in both languages. Shipped plans are
 * JSON files in lessons/plans/; an instructor's copies live in the data folder. Pure: text in,
 * a plan or a list of problems (message keys in common/i18n/{es,en}/classroom.json) out.
 */
import { z } from 'zod';
import { activityTypeSchema } from '../ipc/attendance-schemas';
import { lessonAudiences } from '../lessons/lesson-types';

export const planIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const lessonRefSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const textSchema = z.string().trim().min(1).max(600);
const bilingualSchema = z.object({ es: textSchema, en: textSchema }).strict();

export const planMeetingSchema = z
  .object({
    lessons: z.array(lessonRefSchema).min(1).max(6),
    note: bilingualSchema,
  })
  .strict();
export type PlanMeeting = z.infer<typeof planMeetingSchema>;

export const lessonPlanSchema = z
  .object({
    id: planIdSchema,
    title: z.object({ es: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) }).strict(),
    audience: z.enum(lessonAudiences),
    activityType: activityTypeSchema,
    meetings: z.array(planMeetingSchema).min(1).max(40),
    /** Set on an instructor's copy: the plan it was copied from. */
    copiedFrom: planIdSchema.optional(),
  })
  .strict();
export type LessonPlan = z.infer<typeof lessonPlanSchema>;

export interface PlanProblem {
  /** Where in the file: "meetings.2.lessons.0", or "" for the whole file. */
  path: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export type PlanParseResult = { ok: true; plan: LessonPlan } | { ok: false; problems: PlanProblem[] };

/**
 * Parses a plan file. With `knownLessons`, every lesson a meeting names must be one of them (the
 * shipped and imported lessons of this PC); a plan never refers to a lesson that is not there.
 */
export const parsePlan = (
  text: string,
  options: { knownLessons?: ReadonlySet<string> } = {},
): PlanParseResult => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '', messageKey: 'classroom.plan.problem.notJson' }] };
  }
  const parsed = lessonPlanSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        messageKey: 'classroom.plan.problem.shape',
        params: { path: issue.path.join('.') || '-' },
      })),
    };
  }
  return checkPlanLessons(parsed.data, options.knownLessons);
};

/** Every lesson a plan names exists (when the set is given), and no meeting lists one twice. */
export const checkPlanLessons = (plan: LessonPlan, knownLessons?: ReadonlySet<string>): PlanParseResult => {
  const problems: PlanProblem[] = [];
  plan.meetings.forEach((meeting, index) => {
    meeting.lessons.forEach((lesson, position) => {
      const path = `meetings.${index}.lessons.${position}`;
      if (knownLessons && !knownLessons.has(lesson)) {
        problems.push({
          path,
          messageKey: 'classroom.plan.problem.unknownLesson',
          params: { lesson, meeting: index + 1 },
        });
      }
      if (meeting.lessons.indexOf(lesson) !== position) {
        problems.push({
          path,
          messageKey: 'classroom.plan.problem.repeatedLesson',
          params: { lesson, meeting: index + 1 },
        });
      }
    });
  });
  return problems.length === 0 ? { ok: true, plan } : { ok: false, problems };
};

/** The plan with one meeting moved from `from` to `to` (both 0-based); other meetings keep their order. */
export const moveMeeting = (plan: LessonPlan, from: number, to: number): LessonPlan => {
  const meetings = [...plan.meetings];
  if (from < 0 || from >= meetings.length || to < 0 || to >= meetings.length) return plan;
  const [moved] = meetings.splice(from, 1);
  meetings.splice(to, 0, moved);
  return { ...plan, meetings };
};

/** Every lesson id the plan uses, in plan order, once each. */
export const planLessonIds = (plan: LessonPlan): string[] => [
  ...new Set(plan.meetings.flatMap((m) => m.lessons)),
];
