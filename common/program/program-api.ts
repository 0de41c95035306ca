/**
 * The API generated student programs call (blocks/ generators emit calls on `api`).
 * The runner implements it inside a Web Worker and forwards board operations to main through
 * the IPC contract ('board.command'). Everything is async so Stop can take effect at any await;
 * a loop with no await is stopped by terminating the worker.
 *
 * Generated code is the BODY of `async function program(api) { … }`.
 */
export interface ProgramApi {
  digitalWrite(pin: number, value: 0 | 1): Promise<void>;
  /** 0–255 on a PWM pin (3, 5, 6, 9, 10, 11). */
  pwmWrite(pin: number, value: number): Promise<void>;
  digitalRead(pin: number): Promise<0 | 1>;
  /** Analog channel 0–5 (A0–A5) → 0–1023. */
  analogRead(channel: number): Promise<number>;
  servoWrite(pin: number, angle: number): Promise<void>;
  tone(pin: number, frequency: number, durationMs?: number): Promise<void>;
  noTone(pin: number): Promise<void>;
  /** HC-SR04 (trigger and echo on one pin, PingFirmata) → centimetres. */
  readDistance(pin: number): Promise<number>;
  wait(ms: number): Promise<void>;
  /** Milliseconds since the program started. */
  millis(): number;
  print(value: unknown): void;
  /** Marks the block about to run (editor highlight). Generators emit it before each statement. */
  highlight(blockId: string): void;
}

/** Names of the ProgramApi methods, for the worker's message dispatch. */
export const programApiBoardOps = [
  'digitalWrite',
  'pwmWrite',
  'digitalRead',
  'analogRead',
  'servoWrite',
  'tone',
  'noTone',
  'readDistance',
] as const;
