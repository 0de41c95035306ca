import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { dateSchema, displayNameSchema, timeSchema, type Session } from './attendance-schemas';
import { lessonPlanSchema, planIdSchema, type LessonPlan } from '../plans/lesson-plan';
import type { Locale } from '../i18n/locale';
import type { LessonPart } from '../lessons/lesson-types';
import type { ClassName, PcStatus } from '../classroom/protocol';

/**
 * Running a class (issue 12, docs/classroom.md): lesson plans, today's class, and the printed
 * guide. All staff calls.
 *
 * Error codes (message keys in common/i18n/{es,en}/classroom.json):
 * - `classroom.plan-not-found`, `classroom.meeting-not-found`
 * - `classroom.plan-read-only` (a shipped plan is copied, never edited)
 * - `classroom.plan-invalid` (an edited copy names an unknown lesson, or one twice in a meeting)
 * - `classroom.not-open` (no class is open), `classroom.address-not-here` (not an address of this PC)
 * - `classroom.bad-address` (not "192.168.1.10:47820"), `classroom.bad-code` (not 6 letters and digits)
 * - `classroom.join-failed` (wrong or expired code, or no class at that address)
 * - `classroom.unknown-pc` (admit or hint a PC that is not there)
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

// ---- The live class ------------------------------------------------------------------------------

export interface ClassroomPc {
  pcId: string;
  pcName: string;
  displayName: string;
  namePicked: boolean;
  connected: boolean;
  status: PcStatus | null;
  updatedAt: number;
}

/** The instructor's view of the open class (or `open: false`). */
export interface ClassroomView {
  open: boolean;
  address: string;
  port: number;
  code: string;
  codeExpiresAt: number;
  locked: boolean;
  pending: Array<{ pcId: string; pcName: string }>;
  pcs: ClassroomPc[];
  /** The attendance session the class belongs to (today's class from a plan), if any. */
  sessionId: string | null;
  /** Children who joined and picked their name but are not checked in to the session yet. */
  suggestions: Array<{ personId: string; displayName: string; pcName: string }>;
}

export type ClassroomPhase =
  'idle' | 'connecting' | 'waiting' | 'admitted' | 'offline' | 'closed' | 'refused';

/** A student PC's side: where it is in the class, today's names to pick from, lock and hint. */
export interface ClassroomMemberState {
  phase: ClassroomPhase;
  address: string | null;
  names: ClassName[];
  nameRef: string | null;
  locked: boolean;
  hint: string | null;
}

/** A class found on the network (mDNS): where it listens and the label the instructor typed. */
export interface FoundClass {
  label: string;
  address: string;
  port: number;
}

export type ClassroomCommand =
  | { t: 'goto'; lessonId: string; step: number }
  | { t: 'lock'; locked: boolean }
  | { t: 'hint'; text: string };

const pcIdSchema = z.string().uuid();
const empty = z.object({}).strict();

export const classroomCalls = {
  /** The PC's IPv4 addresses, to choose the network the class listens on. */
  'classroom.interfaces': defineCall({
    args: empty,
    result: z.custom<{ interfaces: Array<{ name: string; address: string; internal: boolean }> }>(),
    access: 'staff',
  }),
  'classroom.open': defineCall({
    args: z
      .object({
        address: z.ipv4(),
        sessionId: z.string().uuid().nullable(),
        /** What student PCs see when they look for classes (no names, no code). */
        label: z.string().max(40).optional(),
      })
      .strict(),
    result: z.custom<ClassroomView>(),
    access: 'staff',
  }),
  'classroom.view': defineCall({ args: empty, result: z.custom<ClassroomView>(), access: 'staff' }),
  'classroom.admit': defineCall({
    args: z.object({ pcId: pcIdSchema }).strict(),
    result: z.custom<ClassroomView>(),
    access: 'staff',
  }),
  'classroom.sendToStep': defineCall({
    args: z
      .object({
        lessonId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
        step: z.number().int().min(0).max(200),
      })
      .strict(),
    result: z.object({ sent: z.number().int() }),
    access: 'staff',
  }),
  'classroom.lock': defineCall({
    args: z.object({ locked: z.boolean() }).strict(),
    result: z.object({ sent: z.number().int() }),
    access: 'staff',
  }),
  'classroom.hint': defineCall({
    args: z.object({ pcId: pcIdSchema, text: z.string().trim().min(1).max(300) }).strict(),
    result: z.object({ sent: z.literal(true) }),
    access: 'staff',
  }),
  'classroom.close': defineCall({ args: empty, result: z.custom<ClassroomView>(), access: 'staff' }),

  /** Student PC: join the class shown on the projector. */
  'classroom.join': defineCall({
    args: z.object({ address: z.string().max(40), code: z.string().max(20) }).strict(),
    result: z.custom<ClassroomMemberState>(),
    access: 'student',
  }),
  'classroom.leave': defineCall({ args: empty, result: z.custom<ClassroomMemberState>(), access: 'student' }),
  'classroom.pickName': defineCall({
    args: z
      .object({
        ref: z
          .string()
          .regex(/^n\d{1,4}$/)
          .nullable(),
      })
      .strict(),
    result: z.custom<ClassroomMemberState>(),
    access: 'student',
  }),
  'classroom.memberState': defineCall({
    args: empty,
    result: z.custom<ClassroomMemberState>(),
    access: 'student',
  }),
  /** Student PC: classes open on this PC's networks (mDNS), for the join dialog. */
  'classroom.discover': defineCall({
    args: empty,
    result: z.custom<{ classes: FoundClass[] }>(),
    access: 'student',
  }),
};

export const classroomEvents = {
  'classroom.changed': defineEvent(z.custom<{ view: ClassroomView }>()),
  'classroom.member': defineEvent(z.custom<{ state: ClassroomMemberState }>()),
  'classroom.command': defineEvent(z.custom<{ command: ClassroomCommand }>()),
};
