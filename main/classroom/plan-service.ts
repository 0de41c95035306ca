/**
 * What the staff area does with plans: list, copy, reorder, start today's class (an attendance
 * session with the plan's activity type and the meeting's lessons) and the printable guide of a
 * meeting (each lesson's goals, materials, timing and instructor notes).
 */
import { AppError } from '../../common/ipc/app-error';
import type { Session } from '../../common/ipc/attendance-schemas';
import type { MeetingGuide, PlanSummary, StartTodayInput } from '../../common/ipc/contract-classroom';
import type { LessonPlan } from '../../common/plans/lesson-plan';
import type { LessonService } from '../lessons/lesson-service';
import type { PlanStore, StoredPlan } from './plan-store';

export interface PlanService {
  list(): Promise<{ plans: PlanSummary[] }>;
  get(id: string): Promise<PlanSummary>;
  copy(id: string, title: LessonPlan['title']): Promise<PlanSummary>;
  save(plan: LessonPlan): Promise<PlanSummary>;
  startToday(input: StartTodayInput): Promise<{ session: Session; plan: PlanSummary }>;
  guide(id: string, meeting: number): Promise<MeetingGuide>;
}

const summarise = ({ plan, source, missingLessons }: StoredPlan): PlanSummary => ({
  plan,
  source,
  missingLessons,
});

export const createPlanService = (options: {
  store: PlanStore;
  lessons: Pick<LessonService, 'forStaff' | 'knownIds'>;
  createSession: (input: {
    date: string;
    startTime: string;
    activityType: LessonPlan['activityType'];
    lessons: string[];
    facilitator: string;
  }) => Promise<Session>;
}): PlanService => {
  const { store, lessons } = options;
  const meetingOf = (stored: StoredPlan, meeting: number) => {
    const found = stored.plan.meetings[meeting];
    if (!found)
      throw new AppError('classroom.meeting-not-found', { messageKey: 'classroom.error.meeting-not-found' });
    return found;
  };
  return {
    async list() {
      return { plans: store.list(await lessons.knownIds()).map(summarise) };
    },
    async get(id) {
      return summarise(store.get(id, await lessons.knownIds()));
    },
    async copy(id, title) {
      return summarise(store.copy(id, title, await lessons.knownIds()));
    },
    async save(plan) {
      return summarise(store.save(plan, await lessons.knownIds()));
    },
    async startToday(input) {
      const stored = store.get(input.planId, await lessons.knownIds());
      const meeting = meetingOf(stored, input.meeting);
      const session = await options.createSession({
        date: input.date,
        startTime: input.startTime,
        activityType: stored.plan.activityType,
        lessons: meeting.lessons,
        facilitator: input.facilitator,
      });
      return { session, plan: summarise(stored) };
    },
    async guide(id, meeting) {
      const stored = store.get(id, await lessons.knownIds());
      const found = meetingOf(stored, meeting);
      const guides: MeetingGuide['lessons'] = [];
      for (const lessonId of found.lessons) {
        if (stored.missingLessons.includes(lessonId)) {
          guides.push({
            id: lessonId,
            missing: true,
            title: null,
            summary: null,
            durationMin: 0,
            parts: [],
            steps: [],
          });
          continue;
        }
        const lesson = await lessons.forStaff(lessonId);
        guides.push({
          id: lessonId,
          missing: false,
          title: { es: lesson.text.es.title, en: lesson.text.en.title },
          summary: { es: lesson.text.es.summary, en: lesson.text.en.summary },
          durationMin: lesson.durationMin,
          parts: lesson.parts.map((part) => part.kind),
          steps: lesson.steps.map((step) => ({
            title: { es: step.text.es.title, en: step.text.en.title },
            staffNotes: { es: step.text.es.staffNotes, en: step.text.en.staffNotes },
          })),
        });
      }
      return {
        plan: summarise(stored),
        meeting,
        meetingCount: stored.plan.meetings.length,
        note: found.note,
        totalMinutes: guides.reduce((sum, lesson) => sum + lesson.durationMin, 0),
        lessons: guides,
      };
    },
  };
};
