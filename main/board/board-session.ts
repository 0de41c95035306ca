/**
 * The operations kit blocks need, on one ready johnny-five stack: LED (digital/PWM), digital and
 * analog reads, servo angle, tone, HC-SR04 distance and "all off". Each pin has one role at a
 * time; switching role releases the old one first.
 *
 * Two rules keep a loop with no wait from flooding the 57600-baud link: a write that would not
 * change the pin (same level, duty, angle or endless tone) is not sent — a level, duty or angle
 * asked for again is re-sent at most every OUTPUT_REFRESH_MS, so a write the board never got
 * (a byte lost on the line) does not leave the pin wrong for as long as the program runs — and
 * commands wait their
 * turn for the wire (LinkBudget) once the bytes on their way exceed a few milliseconds' worth —
 * the program is slowed down, never the board's reports. Order is kept.
 */
import { AppError } from '../../common/ipc/app-error';
import type { BoardCommand } from '../../common/ipc/contract-board';
import { MAX_14_BIT, echoMicrosToCm, noToneSysex, toneSysex } from '../../common/board/chispa-sysex';
import { UNO_FIRST_ANALOG_PIN } from '../../common/board/uno-pins';
import type { JohnnyFiveStack } from './johnny-five-stack';
import { LinkBudget } from './link-budget';
import { SERVO_PULSE_RANGE, servoMicros } from './servo-pulse';
import type { FiveServo } from './vendor';

type PinRole = 'output' | 'pwm' | 'servo' | 'input' | 'analog' | 'tone' | 'ping';

/** A level, duty or angle the program keeps asking for is re-sent this often (see above). */
export const OUTPUT_REFRESH_MS = 500;
/** How long a read waits for the board's first report. */
const FIRST_REPORT_TIMEOUT_MS = 2000;
/** Longest echo the firmware waits for (about 5 m there and back). */
const PING_TIMEOUT_US = 30_000;
const PING_REPLY_TIMEOUT_MS = 2000;

export interface BoardSessionOptions {
  /** Firmware speaks Chispa's extras (tone). */
  chispaFirmware: boolean;
  /** Pacing of commands to the link (default: 57600 baud). */
  linkBudget?: LinkBudget;
}

/** A pin read by reports the board sends by itself (digital or analog). */
interface ReportedPin {
  value: number | null;
  listener: (value: number) => void;
  waiters: Array<() => void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class BoardSession {
  private readonly roles = new Map<number, PinRole>();
  private readonly servos = new Map<number, FiveServo>();
  private readonly inputs = new Map<number, ReportedPin>();
  private readonly analogs = new Map<number, ReportedPin>();
  /** The last state written to each output pin and when (what a repeated write would not change). */
  private readonly written = new Map<number, { state: string; at: number }>();
  private readonly toneTimers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly pingQueue = new Map<number, Promise<unknown>>();
  private closed = false;
  private readonly budget: LinkBudget;
  /** Bytes of stack.bytesWritten() already charged to the budget. */
  private charged: number;
  /** Commands waiting for the wire, and the tail of their queue. */
  private waiting = 0;
  private wireQueue: Promise<void> = Promise.resolve();

  constructor(
    readonly stack: JohnnyFiveStack,
    private readonly options: BoardSessionOptions,
  ) {
    this.budget = options.linkBudget ?? new LinkBudget();
    this.charged = stack.bytesWritten();
  }

  /** Runs a command once the link has room for it; commands run in the order they came. */
  run(command: BoardCommand): Promise<number | null> {
    if (this.waiting === 0 && this.wireFreeInMs() === 0) return this.execute(command);
    this.waiting++;
    const turn = this.wireQueue.then(async () => {
      for (let ms = this.wireFreeInMs(); ms > 0 && !this.closed; ms = this.wireFreeInMs()) await sleep(ms);
      this.waiting--;
    });
    this.wireQueue = turn;
    return turn.then(() => this.execute(command));
  }

  /** Bytes written and not yet carried by the link, by the model (benchmarks, tests). */
  linkBacklogBytes(): number {
    this.chargeWritten();
    return this.budget.queuedBytes();
  }

  private chargeWritten(): void {
    const written = this.stack.bytesWritten();
    this.budget.charge(written - this.charged);
    this.charged = written;
  }

  private wireFreeInMs(): number {
    this.chargeWritten();
    return this.budget.msUntilFree();
  }

  private async execute(command: BoardCommand): Promise<number | null> {
    if (this.closed) throw new AppError('board.not-connected', { messageKey: 'board.error.not-connected' });
    const { io } = this.stack;
    if ('pin' in command && command.op !== 'analogRead') this.requireUsable(command.pin);
    switch (command.op) {
      case 'digitalWrite':
        this.use(command.pin, 'output', () => io.pinMode(command.pin, io.MODES.OUTPUT));
        if (this.unchanged(command.pin, String(command.value), true)) return null;
        this.maskInputEchoes(command.pin);
        io.digitalWrite(command.pin, command.value);
        return null;
      case 'pwmWrite':
        this.requireMode(command.pin, io.MODES.PWM, 'pwm');
        this.use(command.pin, 'pwm', () => io.pinMode(command.pin, io.MODES.PWM));
        if (this.unchanged(command.pin, String(command.value), true)) return null;
        io.analogWrite(command.pin, command.value);
        return null;
      case 'servoWrite':
        this.requireMode(command.pin, io.MODES.SERVO, 'servo');
        this.servo(command.pin);
        if (this.unchanged(command.pin, `servo ${command.angle}`, true)) return null;
        // Firmata's servo write is an analog write to a servo pin, sent directly: johnny-five's
        // Servo.to() skips an angle it believes the servo already holds.
        io.analogWrite(command.pin, servoMicros(command.angle));
        return null;
      case 'digitalRead':
        return this.digitalRead(command.pin);
      case 'analogRead':
        return this.analogRead(command.pin);
      case 'tone':
        this.tone(command.pin, command.frequency, command.durationMs ?? 0);
        return null;
      case 'noTone':
        this.use(command.pin, 'tone', () => undefined);
        this.noTone(command.pin);
        return null;
      case 'readDistance':
        return this.readDistance(command.pin);
      case 'allOff':
        this.allOff();
        return null;
    }
  }

  /** Outputs low, tones off, servos detached; inputs keep reporting. */
  allOff(): void {
    const { io } = this.stack;
    for (const [pin, role] of [...this.roles]) {
      if (role === 'input' || role === 'analog' || role === 'ping') continue;
      if (role === 'tone') this.noTone(pin);
      if (role !== 'output') {
        this.release(pin);
        io.pinMode(pin, io.MODES.OUTPUT); // the firmware detaches a servo / PWM on a mode change
        this.roles.set(pin, 'output');
      }
      this.maskInputEchoes(pin);
      io.digitalWrite(pin, 0); // sent even if it looks unchanged: the safe state must reach the board
      this.written.set(pin, { state: '0', at: performance.now() });
    }
  }

  /**
   * True when `state` is what the pin already has (the write is skipped); else records it. A
   * `refreshable` state last sent OUTPUT_REFRESH_MS ago or more counts as changed.
   */
  private unchanged(pin: number, state: string, refreshable = false): boolean {
    const now = performance.now();
    const last = this.written.get(pin);
    if (last?.state === state && !(refreshable && now - last.at >= OUTPUT_REFRESH_MS)) return true;
    this.written.set(pin, { state, at: now });
    return false;
  }

  /**
   * The board announced itself again after ready: it restarted (e.g. a brown-out when a servo
   * stalls on USB power). Its pins are back to defaults, so outputs, servos and tones are
   * forgotten (the next command sets them up again) and input reporting is switched back on.
   */
  boardRestarted(): void {
    const { io } = this.stack;
    (io as unknown as { ports: number[] }).ports.fill(0); // firmata-io's cached output levels
    this.written.clear();
    for (const [pin, role] of [...this.roles]) {
      if (role === 'input') {
        io.pinMode(pin, io.MODES.INPUT);
        io.reportDigitalPin(pin, 1);
      } else if (role === 'analog') {
        io.reportAnalogPin(pin - UNO_FIRST_ANALOG_PIN, 1);
      } else {
        this.clearToneTimer(pin);
        this.servos.delete(pin);
        this.roles.delete(pin);
      }
    }
  }

  /** Stops timers and listeners; the stack itself is torn down by the owner. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const pin of [...this.roles.keys()]) this.release(pin);
  }

  /**
   * firmata-io writes whole ports from a cache that also holds the last read level of input pins;
   * a 1 written to an INPUT pin turns its pull-up on (Firmata), so a pressed button would get
   * stuck "pressed" after any LED write on its port. Clear our input pins' bits first.
   */
  private maskInputEchoes(pin: number): void {
    const ports = (this.stack.io as unknown as { ports: number[] }).ports;
    const port = pin >> 3;
    for (const [other, role] of this.roles) {
      if (role === 'input' && other >> 3 === port) ports[port] &= ~(1 << (other & 7));
    }
  }

  /** Pins the firmware does not offer at all (0 and 1 carry the serial link to the computer). */
  private requireUsable(pin: number): void {
    const supported = this.stack.io.pins[pin]?.supportedModes ?? [];
    if (supported.length === 0) {
      throw new AppError('board.pin-unsupported', {
        messageKey: 'board.error.pin-reserved',
        params: { pin },
      });
    }
  }

  private requireMode(pin: number, mode: number, feature: string): void {
    const supported = this.stack.io.pins[pin]?.supportedModes ?? [];
    if (!supported.includes(mode)) {
      throw new AppError('board.pin-unsupported', {
        messageKey: `board.error.pin-unsupported.${feature}`,
        params: { pin },
      });
    }
  }

  /** Gives the pin a role, releasing the previous one and running `setup` on a change. */
  private use(pin: number, role: PinRole, setup: () => void): boolean {
    if (this.roles.get(pin) === role) return false;
    this.release(pin);
    setup();
    this.roles.set(pin, role);
    return true;
  }

  private release(pin: number): void {
    const role = this.roles.get(pin);
    if (role === undefined) return;
    const { io } = this.stack;
    this.roles.delete(pin);
    this.written.delete(pin);
    if (role === 'servo') this.servos.delete(pin);
    if (role === 'tone') this.clearToneTimer(pin);
    if (role === 'input') {
      const input = this.inputs.get(pin)!;
      this.inputs.delete(pin);
      io.removeListener(`digital-read-${pin}`, input.listener);
      for (const wake of input.waiters) wake();
    }
    if (role === 'analog') {
      const channel = pin - UNO_FIRST_ANALOG_PIN;
      const analog = this.analogs.get(channel)!;
      this.analogs.delete(channel);
      io.removeListener(`analog-read-${channel}`, analog.listener);
      if (!this.closed) io.reportAnalogPin(channel, 0);
      for (const wake of analog.waiters) wake();
    }
  }

  private servo(pin: number): FiveServo {
    const { five, board } = this.stack;
    this.use(pin, 'servo', () => {
      this.servos.set(pin, new five.Servo({ pin, board, pwmRange: SERVO_PULSE_RANGE }));
    });
    return this.servos.get(pin)!;
  }

  private async digitalRead(pin: number): Promise<number> {
    const { io } = this.stack;
    this.use(pin, 'input', () => {
      const input = reportedPin();
      this.inputs.set(pin, input);
      io.pinMode(pin, io.MODES.INPUT);
      io.digitalRead(pin, input.listener);
    });
    const input = this.inputs.get(pin)!;
    if (input.value === null) await waitFor(input.waiters, () => input.value !== null, 'digitalRead');
    return input.value ?? 0;
  }

  private async analogRead(channel: number): Promise<number> {
    const { io } = this.stack;
    const pin = io.analogPins[channel] ?? UNO_FIRST_ANALOG_PIN + channel;
    this.use(pin, 'analog', () => {
      const analog = reportedPin();
      this.analogs.set(channel, analog);
      io.pinMode(channel, io.MODES.ANALOG);
      io.analogRead(channel, analog.listener);
    });
    const analog = this.analogs.get(channel)!;
    if (analog.value === null) await waitFor(analog.waiters, () => analog.value !== null, 'analogRead');
    return analog.value ?? 0;
  }

  private requireChispa(feature: string): void {
    if (!this.options.chispaFirmware) {
      throw new AppError('board.needs-chispa-firmware', {
        messageKey: `board.error.needs-chispa-firmware.${feature}`,
      });
    }
  }

  private tone(pin: number, hz: number, durationMs: number): void {
    this.requireChispa('tone');
    const { io } = this.stack;
    this.use(pin, 'tone', () => undefined);
    // An endless tone already sounding at this pitch needs nothing; a timed one always restarts.
    if (this.unchanged(pin, durationMs === 0 ? `tone ${hz}` : 'timed tone') && durationMs === 0) return;
    this.clearToneTimer(pin);
    // Durations past 14 bits are timed here; shorter ones by the firmware, to the cycle.
    const firmwareMs = durationMs <= MAX_14_BIT ? durationMs : 0;
    io.sysexCommand(toneSysex(pin, hz, firmwareMs));
    if (durationMs > MAX_14_BIT) {
      this.toneTimers.set(
        pin,
        setTimeout(() => this.noTone(pin), durationMs),
      );
    }
  }

  private noTone(pin: number): void {
    this.requireChispa('tone');
    if (this.roles.get(pin) === 'tone' && this.unchanged(pin, 'silent')) return;
    this.clearToneTimer(pin);
    this.stack.io.sysexCommand(noToneSysex(pin));
  }

  private clearToneTimer(pin: number): void {
    const timer = this.toneTimers.get(pin);
    if (timer) clearTimeout(timer);
    this.toneTimers.delete(pin);
  }

  private readDistance(pin: number): Promise<number | null> {
    const { io } = this.stack;
    this.requireMode(pin, io.MODES.PING_READ, 'distance');
    this.use(pin, 'ping', () => undefined);
    // One ping at a time per pin: replies carry only the pin number.
    const previous = this.pingQueue.get(pin) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.ping(pin));
    this.pingQueue.set(pin, next);
    return next;
  }

  private ping(pin: number): Promise<number | null> {
    const { io } = this.stack;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        io.removeListener(`ping-read-${pin}`, onReply);
        reject(new AppError('board.no-reply', { messageKey: 'board.error.no-reply' }));
      }, PING_REPLY_TIMEOUT_MS);
      const onReply = (micros: number) => {
        clearTimeout(timer);
        resolve(micros > 0 ? echoMicrosToCm(micros) : null);
      };
      io.pingRead({ pin, value: 1, pulseOut: 5, timeout: PING_TIMEOUT_US }, onReply);
    });
  }
}

function reportedPin(): ReportedPin {
  const pin: ReportedPin = {
    value: null,
    waiters: [],
    listener: (value: number) => {
      pin.value = value;
      for (const wake of pin.waiters.splice(0)) wake();
    },
  };
  return pin;
}

/** Resolves once `ready()` holds (checked on every wake), or fails after the first-report timeout. */
function waitFor(waiters: Array<() => void>, ready: () => boolean, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      const index = waiters.indexOf(wake);
      if (index >= 0) waiters.splice(index, 1);
      reject(new AppError('board.no-reply', { messageKey: 'board.error.no-reply', details: [what] }));
    }, FIRST_REPORT_TIMEOUT_MS);
    const wake = () => {
      clearTimeout(timer);
      if (ready()) resolve();
      else reject(new AppError('board.not-connected', { messageKey: 'board.error.not-connected' }));
    };
    waiters.push(wake);
  });
}
