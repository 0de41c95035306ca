import { z } from 'zod';
import {
  activityTypeSchema,
  ageBandSchema,
  consentScopeSchema,
  consentStateSchema,
  dateSchema,
  idSchema,
  personTypeSchema,
  sexSchema,
} from '../ipc/attendance-schemas';
import { lessonIdSchema } from '../ipc/lesson-work-schema';

/**
 * What a device sends to the tracker: one item per outbox row, pseudonymous by construction.
 * Every object is strict: an unknown field (a name, a phone number, a note) makes the item
 * invalid instead of being stored or silently dropped.
 */

/** The device's centre code as set at enrolment (lower-case letters, digits and dashes). */
export const centreCodeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'expected a centre code');
const isoTimeSchema = z.string().datetime({ offset: true });

export const personItemSchema = z
  .object({
    entity: z.literal('person'),
    op: z.enum(['create', 'update', 'soft-delete', 'restore', 'consent']),
    at: isoTimeSchema,
    payload: z
      .object({
        id: idSchema,
        type: personTypeSchema,
        ageBand: ageBandSchema,
        sex: sexSchema.nullable(),
        centre: centreCodeSchema,
        consentState: consentStateSchema,
        consentScopes: z.array(consentScopeSchema).max(3),
        deleted: z.boolean(),
      })
      .strict(),
  })
  .strict();

/**
 * Erasure or consent withdrawal: the tracker drops every payload it holds for the person and
 * keeps only the id, so later items for that id are refused ('person-erased').
 */
export const tombstoneItemSchema = z
  .object({
    entity: z.literal('person'),
    op: z.enum(['erase', 'withdraw-consent']),
    at: isoTimeSchema,
    payload: z.object({ id: idSchema }).strict(),
  })
  .strict();

export const sessionItemSchema = z
  .object({
    entity: z.literal('session'),
    op: z.literal('create'),
    at: isoTimeSchema,
    payload: z
      .object({ id: idSchema, centre: centreCodeSchema, date: dateSchema, activityType: activityTypeSchema })
      .strict(),
  })
  .strict();

export const attendanceItemSchema = z
  .object({
    entity: z.literal('attendance'),
    op: z.enum(['check-in', 'check-out']),
    at: isoTimeSchema,
    payload: z
      .object({
        attendanceId: idSchema,
        eventId: idSchema,
        sessionId: idSchema,
        personId: idSchema,
        personType: personTypeSchema,
        ageBand: ageBandSchema,
        sex: sexSchema.nullable(),
        centre: centreCodeSchema,
        sessionDate: dateSchema,
        activityType: activityTypeSchema,
        consentState: consentStateSchema,
        consentScopes: z.array(consentScopeSchema).max(3),
        present: z.boolean(),
        at: isoTimeSchema,
      })
      .strict(),
  })
  .strict();

/**
 * A lesson step a child passed (docs/tracker.md, "Lesson progress"): counted once per event id,
 * which the device derives from (learner, lesson, step). personId is the pseudonymous id
 * attendance uses, or null for a child who chose "anónimo"; no name, age or sex travels.
 */
export const lessonProgressItemSchema = z
  .object({
    entity: z.literal('lesson-progress'),
    op: z.literal('step-done'),
    at: isoTimeSchema,
    payload: z
      .object({
        eventId: idSchema,
        personId: idSchema.nullable(),
        centre: centreCodeSchema,
        lessonId: lessonIdSchema,
        step: z.number().int().min(0).max(200),
        /** This step completed the lesson for this child (every step of it passed). */
        lessonDone: z.boolean(),
        date: dateSchema,
        consentState: consentStateSchema,
        consentScopes: z.array(consentScopeSchema).max(3),
      })
      .strict(),
  })
  .strict();

export const syncItemSchema = z.union([
  attendanceItemSchema,
  lessonProgressItemSchema,
  sessionItemSchema,
  personItemSchema,
  tombstoneItemSchema,
]);
export type SyncItem = z.infer<typeof syncItemSchema>;
export type AttendanceItem = z.infer<typeof attendanceItemSchema>;
export type SessionItem = z.infer<typeof sessionItemSchema>;
export type PersonItem = z.infer<typeof personItemSchema>;
export type TombstoneItem = z.infer<typeof tombstoneItemSchema>;
export type LessonProgressItem = z.infer<typeof lessonProgressItemSchema>;
