/**
 * What crosses the centre's network in a live class (docs/classroom.md, "What crosses the wire").
 * Only display names, lesson positions, check results and the instructor's commands: no
 * attendance data, birth years, consent records or anyone's work. Every message is validated
 * against these strict schemas after decryption; anything else ends the connection.
 */
import { z } from 'zod';

export const classroomProtocolVersion = 1;

const lessonRef = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const shortText = z.string().trim().min(1).max(40);
const b64 = (bytes: number) =>
  z
    .string()
    .max(Math.ceil(bytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9_-]+$/);

// ---- Handshake (plaintext: random values and public keys only) --------------------------------

export const serverHelloSchema = z
  .object({
    t: z.literal('server-hello'),
    v: z.literal(classroomProtocolVersion),
    classId: b64(16),
    nonce: b64(16),
  })
  .strict();
export const joinSchema = z
  .object({
    t: z.literal('join'),
    mode: z.enum(['code', 'credential']),
    pcId: z.string().uuid(),
    nonce: b64(16),
    share: b64(32),
  })
  .strict();
export const acceptSchema = z.object({ t: z.literal('accept'), share: b64(32), mac: b64(32) }).strict();
export const confirmSchema = z.object({ t: z.literal('confirm'), mac: b64(32) }).strict();

// ---- Encrypted messages ------------------------------------------------------------------------

export const boardSummarySchema = z
  .object({
    kind: z.enum(['virtual', 'kit', 'none']),
    connected: z.boolean(),
  })
  .strict();
export type BoardSummary = z.infer<typeof boardSummarySchema>;

export const lastCheckSchema = z
  .object({ passed: z.boolean(), tries: z.number().int().min(0).max(9999) })
  .strict();

/** Where a student PC is: the only picture of a child's work that leaves the PC. */
export const pcStatusSchema = z
  .object({
    /** The ref of the name the child picked from today's list, or null (the PC's name is shown). */
    nameRef: z
      .string()
      .regex(/^n\d{1,4}$/)
      .nullable(),
    lessonId: lessonRef.nullable(),
    step: z.number().int().min(0).max(200).nullable(),
    stepCount: z.number().int().min(0).max(200).nullable(),
    stepsPassed: z.number().int().min(0).max(200),
    lastCheck: lastCheckSchema.nullable(),
    board: boardSummarySchema,
  })
  .strict();
export type PcStatus = z.infer<typeof pcStatusSchema>;

export const studentMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), pcName: shortText }).strict(),
  z.object({ t: z.literal('status'), status: pcStatusSchema }).strict(),
]);
export type StudentMessage = z.infer<typeof studentMessageSchema>;

export const classNameSchema = z.object({ ref: z.string().regex(/^n\d{1,4}$/), name: shortText }).strict();
export type ClassName = z.infer<typeof classNameSchema>;

export const instructorMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('waiting') }).strict(),
  z
    .object({ t: z.literal('admitted'), credential: b64(32), names: z.array(classNameSchema).max(400) })
    .strict(),
  z.object({ t: z.literal('goto'), lessonId: lessonRef, step: z.number().int().min(0).max(200) }).strict(),
  z.object({ t: z.literal('lock'), locked: z.boolean() }).strict(),
  z.object({ t: z.literal('hint'), text: z.string().trim().min(1).max(300) }).strict(),
  z.object({ t: z.literal('closing') }).strict(),
]);
export type InstructorMessage = z.infer<typeof instructorMessageSchema>;

// ---- Join codes ------------------------------------------------------------------------------

/** Letters and digits a child cannot confuse (no 0/O, 1/I/L). 6 of them: 30 bits. */
export const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const codeLength = 6;

/** "k7p 4qx", "K7P-4QX" → "K7P4QX"; null when it cannot be a code. */
export const normaliseCode = (typed: string): string | null => {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== codeLength) return null;
  return [...code].every((char) => codeAlphabet.includes(char)) ? code : null;
};

/** "K7P4QX" → "K7P-4QX", as the projector shows it. */
export const formatCode = (code: string): string => `${code.slice(0, 3)}-${code.slice(3)}`;
