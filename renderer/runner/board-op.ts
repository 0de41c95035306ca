/**
 * Turns ProgramApi calls into board commands the contract accepts. Values a block computes are
 * forgiving where Arduino is (angles and duty are clamped, any truthy value is HIGH); a pin
 * that does not exist is an error the child sees on the block.
 */
import type { BoardCommand } from '../../common/ipc/contract-board';
import { programApiBoardOps } from '../../common/program/program-api';
import { UNO_ANALOG_CHANNEL_COUNT, UNO_PIN_COUNT, UNO_PWM_PINS } from '../../common/board/uno-pins';

export type BoardOpName = (typeof programApiBoardOps)[number];

/** A value from the program the board cannot use; `key` is a runner locale key. */
export class ProgramValueError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number>,
  ) {
    super(key);
    this.name = 'ProgramValueError';
  }
}

const show = (value: unknown): string => {
  const text = typeof value === 'string' ? `"${value}"` : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

const toNumber = (value: unknown): number => {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
};

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

const LAST_ANALOG_CHANNEL = UNO_ANALOG_CHANNEL_COUNT - 1;

const pinArg = (value: unknown, max = UNO_PIN_COUNT - 1): number => {
  const pin = toNumber(value);
  if (!Number.isFinite(pin) || !Number.isInteger(pin) || pin < 0 || pin > max) {
    throw new ProgramValueError(
      max === LAST_ANALOG_CHANNEL ? 'runner.error.analog-pin' : 'runner.error.pin',
      {
        value: show(value),
      },
    );
  }
  return pin;
};

const numberArg = (value: unknown, key: string): number => {
  const number = toNumber(value);
  if (typeof value === 'number' && Number.isNaN(value))
    throw new ProgramValueError('runner.error.not-a-number', {});
  if (!Number.isFinite(number)) throw new ProgramValueError(key, { value: show(value) });
  return number;
};

/** The contract command for one ProgramApi board call, or a ProgramValueError. */
export const toBoardCommand = (op: BoardOpName, args: readonly unknown[]): BoardCommand => {
  const [a, b, c] = args;
  switch (op) {
    case 'digitalWrite':
      return { op, pin: pinArg(a), value: toNumber(b) ? 1 : 0 };
    case 'pwmWrite': {
      const pin = pinArg(a);
      if (!UNO_PWM_PINS.includes(pin)) throw new ProgramValueError('runner.error.pwm-pin', { pin });
      return { op, pin, value: Math.round(clamp(numberArg(b, 'runner.error.number'), 0, 255)) };
    }
    case 'digitalRead':
      return { op, pin: pinArg(a) };
    case 'analogRead':
      return { op, pin: pinArg(a, LAST_ANALOG_CHANNEL) };
    case 'servoWrite':
      return { op, pin: pinArg(a), angle: Math.round(clamp(numberArg(b, 'runner.error.number'), 0, 180)) };
    case 'tone': {
      const command: BoardCommand = {
        op,
        pin: pinArg(a),
        frequency: Math.round(clamp(numberArg(b, 'runner.error.number'), 31, 20000)),
      };
      if (c !== undefined && c !== null) {
        command.durationMs = Math.round(clamp(numberArg(c, 'runner.error.number'), 0, 60000));
      }
      return command;
    }
    case 'noTone':
      return { op, pin: pinArg(a) };
    case 'readDistance':
      return { op, pin: pinArg(a) };
  }
};

/** Milliseconds for wait(): non-numbers wait 0, capped at one hour; a negative time is an error. */
export const waitMs = (value: unknown): number => {
  const ms = toNumber(value);
  if (ms < 0) throw new ProgramValueError('runner.error.negative-wait', { value: show(value) });
  return Number.isFinite(ms) ? clamp(ms, 0, 3_600_000) : 0;
};

/** What print() shows for a value: text as is, numbers and booleans plainly, lists as [a, b]. */
export const formatPrint = (value: unknown): string => {
  if (typeof value === 'string') return value;
  // 10 ÷ 0 shows ∞ (not "Infinity"); a number that cannot be worked out shows ?.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? '?' : value > 0 ? '∞' : '-∞';
  }
  // 0.1 + 0.2 shows 0.3, not 0.30000000000000004 (floating-point noise means nothing to a child).
  if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value)) {
    return String(Number(value.toPrecision(12)));
  }
  if (Array.isArray(value)) return `[${value.map((item) => formatPrint(item)).join(', ')}]`;
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
};
