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

export const syncItemSchema = z.union([
  attendanceItemSchema,
  sessionItemSchema,
  personItemSchema,
  tombstoneItemSchema,
]);
export type SyncItem = z.infer<typeof syncItemSchema>;
export type AttendanceItem = z.infer<typeof attendanceItemSchema>;
export type SessionItem = z.infer<typeof sessionItemSchema>;
export type PersonItem = z.infer<typeof personItemSchema>;
export type TombstoneItem = z.infer<typeof tombstoneItemSchema>;
