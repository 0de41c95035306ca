/**
 * Typed doors to the two CommonJS libraries the board service stands on: firmata-io (the Firmata
 * host) and johnny-five. Only what the service uses is typed; both ship without types.
 */
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface FirmataPin {
  mode?: number;
  value: number;
  report: number;
  supportedModes: number[];
  analogChannel: number;
}

export interface FirmataModes {
  INPUT: number;
  OUTPUT: number;
  ANALOG: number;
  PWM: number;
  SERVO: number;
  PULLUP: number;
  PING_READ: number;
}

/** firmata-io's Firmata class (the `io` johnny-five drives). */
export interface FirmataIo extends EventEmitter {
  readonly MODES: FirmataModes;
  readonly pins: FirmataPin[];
  readonly analogPins: number[];
  readonly version: { major?: number; minor?: number };
  readonly firmware: { name?: string; version?: { major: number; minor: number } };
  readonly isReady: boolean;
  readonly versionReceived: boolean;
  reportVersionTimeoutId?: ReturnType<typeof setTimeout>;
  pinMode(pin: number, mode: number): void;
  digitalWrite(pin: number, value: number): void;
  analogWrite(pin: number, value: number): void;
  digitalRead(pin: number, callback: (value: number) => void): void;
  analogRead(pin: number, callback: (value: number) => void): void;
  reportAnalogPin(pin: number, value: 0 | 1): void;
  reportDigitalPin(pin: number, value: 0 | 1): void;
  pingRead(
    options: { pin: number; value: number; pulseOut?: number; timeout?: number },
    callback: (microseconds: number) => void,
  ): void;
  sysexCommand(message: number[]): void;
}

export interface FirmataConstructor {
  new (
    transport: unknown,
    options?: { reportVersionTimeout?: number; skipCapabilities?: boolean },
  ): FirmataIo;
}

export interface FiveBoard extends EventEmitter {
  readonly isReady: boolean;
  readonly io: FirmataIo;
}

export interface FiveServo extends EventEmitter {
  to(degrees: number): void;
  readonly value: number | null;
}

export interface FiveLibrary {
  Board: new (options: {
    io: FirmataIo;
    repl: boolean;
    debug: boolean;
    sigint: boolean;
    timeout: number;
  }) => FiveBoard;
  Servo: new (options: { pin: number; board: FiveBoard; pwmRange: [number, number] }) => FiveServo;
}

export const Firmata = (require('firmata-io') as { Firmata: FirmataConstructor }).Firmata;

/** johnny-five, loaded on first use (it pulls a lot of modules). */
export const loadJohnnyFive = (): FiveLibrary => require('johnny-five') as FiveLibrary;
