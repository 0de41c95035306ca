import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { UNO_ANALOG_CHANNEL_COUNT, UNO_PIN_COUNT } from '../board/uno-pins';

/**
 * Board calls: connect a transport (virtual Uno or a serial port) and run the operations kit
 * blocks need. Pins are Uno pin numbers: 0-13 digital, 14-19 = A0-A5.
 */
export const pinSchema = z
  .number()
  .int()
  .min(0)
  .max(UNO_PIN_COUNT - 1);
export const analogPinSchema = z
  .number()
  .int()
  .min(0)
  .max(UNO_ANALOG_CHANNEL_COUNT - 1);

export const boardTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('virtual') }).strict(),
  z.object({ kind: z.literal('serial'), path: z.string().min(1).max(260) }).strict(),
]);
export type BoardTarget = z.infer<typeof boardTargetSchema>;

export const boardStateSchema = z.enum([
  'idle',
  'connecting',
  'ready',
  'no-firmware',
  'old-firmware',
  'port-busy',
  'lost',
  'flashing',
  'error',
]);
export type BoardState = z.infer<typeof boardStateSchema>;

export const boardStatusSchema = z.object({
  state: boardStateSchema,
  target: boardTargetSchema.nullable(),
  firmware: z.object({ name: z.string(), version: z.string() }).nullable(),
  /** Locale key explaining a non-ready state, e.g. "board.error.no-firmware". */
  messageKey: z.string().nullable(),
  /** Whether "Prepare board" (flash the kit firmware) is offered for this state. */
  canPrepare: z.boolean(),
});
export type BoardStatus = z.infer<typeof boardStatusSchema>;

/** One operation of the program API. Every op is checked at runtime in main. */
export const boardCommandSchema = z.discriminatedUnion('op', [
  z
    .object({ op: z.literal('digitalWrite'), pin: pinSchema, value: z.union([z.literal(0), z.literal(1)]) })
    .strict(),
  z.object({ op: z.literal('pwmWrite'), pin: pinSchema, value: z.number().int().min(0).max(255) }).strict(),
  z.object({ op: z.literal('digitalRead'), pin: pinSchema }).strict(),
  z.object({ op: z.literal('analogRead'), pin: analogPinSchema }).strict(),
  z.object({ op: z.literal('servoWrite'), pin: pinSchema, angle: z.number().min(0).max(180) }).strict(),
  z
    .object({
      op: z.literal('tone'),
      pin: pinSchema,
      frequency: z.number().min(31).max(20000),
      durationMs: z.number().int().min(0).max(60000).optional(),
    })
    .strict(),
  z.object({ op: z.literal('noTone'), pin: pinSchema }).strict(),
  z.object({ op: z.literal('readDistance'), pin: pinSchema }).strict(),
  /** Leaves the board safe: outputs low, tones and servos detached. Sent on Stop. */
  z.object({ op: z.literal('allOff') }).strict(),
]);
export type BoardCommand = z.infer<typeof boardCommandSchema>;

/** Inputs the board panel feeds into the virtual Uno. */
export const virtualInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('digital'), pin: pinSchema, level: z.boolean() }).strict(),
  z.object({ kind: z.literal('analog'), pin: analogPinSchema, volts: z.number().min(0).max(5) }).strict(),
  z.object({ kind: z.literal('distance'), pin: pinSchema, cm: z.number().min(2).max(400) }).strict(),
]);
export type VirtualInput = z.infer<typeof virtualInputSchema>;

/** Pin snapshot of the virtual Uno for the board panel (throttled, ~30 per second). */
export const pinSnapshotSchema = z.object({
  /** Simulated time in ms. */
  simTimeMs: z.number(),
  /** Output level of pins 0-19. */
  digital: z.array(z.boolean()),
  /** PWM duty 0..1 for pins driven by a timer, else null. */
  pwmDuty: z.array(z.number().nullable()),
  /** Servo pulse width in µs by pin, for pins producing servo pulses. */
  servoPulseUs: z.record(z.string(), z.number()),
  /** Square-wave frequency in Hz by pin, for pins producing a tone. */
  toneHz: z.record(z.string(), z.number()),
  /** Voltage on A0-A5 as the board sees it (what the panel's knob and sensors apply), 0-5 V. */
  analogVolts: z.array(z.number()),
});
export type PinSnapshot = z.infer<typeof pinSnapshotSchema>;

export const boardCalls = {
  'board.status': defineCall({ args: z.object({}).strict(), result: boardStatusSchema, access: 'student' }),
  'board.connect': defineCall({
    args: z.object({ target: boardTargetSchema }).strict(),
    result: boardStatusSchema,
    access: 'student',
  }),
  'board.disconnect': defineCall({
    args: z.object({}).strict(),
    result: boardStatusSchema,
    access: 'student',
  }),
  'board.command': defineCall({
    args: z.object({ command: boardCommandSchema }).strict(),
    result: z.object({ value: z.number().nullable() }),
    access: 'student',
  }),
  /**
   * The runner marks a program start/stop: a serial port under a running program is not taken
   * by Prepare board (refused with serial.port-owned) until the program stops.
   */
  'board.setRunning': defineCall({
    args: z.object({ running: z.boolean() }).strict(),
    result: z.object({}),
    access: 'student',
  }),
  'board.virtualInput': defineCall({
    args: z.object({ input: virtualInputSchema }).strict(),
    result: z.object({}),
    access: 'student',
  }),
};

export type BoardCallName = keyof typeof boardCalls;

export const boardEvents = {
  'board.state': defineEvent(boardStatusSchema),
  'board.pins': defineEvent(pinSnapshotSchema),
};
