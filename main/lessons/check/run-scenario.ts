/**
 * One behaviour scenario in simulated time, inside the check worker: the kit firmware on an
 * in-process virtual Uno core, johnny-five + firmata-io on a byte stream to its UART, the board
 * session, and the child's program on the runner's own program host — all on ONE fake clock
 * (installed by the worker before this module loads) that moves only when the AVR core has
 * run that far. Every board call answers after its wire time at 57600 baud, so a loop without
 * waits still moves the clock. Same input, same trace: nothing here reads real time.
 */
import type { install } from '@sinonjs/fake-timers';
import type { BoardCommand } from '../../../common/ipc/contract-board';
import type { BehaviourCheck } from '../../../common/lessons/lesson-types';
import { appendSample, type PinSegment, type ScenarioTrace } from '../../../common/lessons/pin-trace';
import type { Logger } from '../../app/logger';
import { BoardSession } from '../../board/board-session';
import { classifyFirmware } from '../../board/chispa-firmware';
import { FirmataStream } from '../../board/firmata-stream';
import { connectJohnnyFive } from '../../board/johnny-five-stack';
import { VirtualUnoCore } from '../../virtual-uno/virtual-uno-core';
import { startSimProgram } from './sim-program';

/** Simulated ms per step of the AVR ↔ JavaScript interleave while bytes are on the wire. */
export const STEP_MS = 1;
/** Longest step when nothing is on the wire (bounds how late a spontaneous report is seen). */
const MAX_IDLE_STEP_MS = 10;
const HANDSHAKE_BUDGET_MS = 5000;
/** A released kit button reads LOW (it pulls up to 5 V when pressed). */
const RELEASED = false;
/** What a distance sensor sees before the scenario puts something in front of it. */
const NOTHING_IN_FRONT_CM = 400;

export interface ScenarioInput {
  code: string;
  check: BehaviourCheck;
  flashHex: string;
  /** Pins whose trace the expectations need. */
  pins: number[];
}

type InstalledClock = ReturnType<typeof install>;

const quietLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export const runScenario = async (
  input: ScenarioInput,
  clock: InstalledClock,
  yieldToMicrotasks: () => Promise<void>,
  /** Called after every step (the worker turns it into a real-time heartbeat). */
  onStep: () => void = () => undefined,
): Promise<ScenarioTrace> => {
  const core = new VirtualUnoCore({ flashHex: input.flashHex });
  const stream = new FirmataStream((bytes, done) => {
    core.uartWrite(new Uint8Array(bytes));
    queueMicrotask(() => done(null));
  });
  let received: number[] = [];
  core.onUartTransmit((byte) => received.push(byte));
  for (const stimulus of input.check.stimuli) {
    if (stimulus.kind === 'press') core.setDigitalInput(stimulus.pin, RELEASED);
    if (stimulus.kind === 'distance') core.setDistanceCm(stimulus.pin, NOTHING_IN_FRONT_CM);
  }

  /**
   * Runs the AVR and then JavaScript up to the same simulated time. Steps are 1 ms while bytes
   * are on the wire, else up to the next JavaScript timer (1 to MAX_IDLE_STEP_MS): nothing on
   * the JavaScript side can happen in between. Timers due within a step fire after it, each at
   * its own time on the fake clock.
   */
  const step = async (): Promise<void> => {
    await yieldToMicrotasks(); // what the program just did reaches the link before the step is sized
    const now = core.simTimeMs;
    const busy = received.length > 0 || core.stats().uartRxPending > 0;
    const target = busy ? now + STEP_MS : Math.min(now + MAX_IDLE_STEP_MS, Math.max(now + STEP_MS, nextTimerAt(clock)));
    core.runMs(target - now);
    if (received.length > 0) {
      const bytes = Buffer.from(received);
      received = [];
      stream.push(bytes);
    }
    await yieldToMicrotasks();
    // Fire due timers one time slot at a time, letting promise chains settle after each.
    for (let due = nextTimerAt(clock); due <= core.simTimeMs; due = nextTimerAt(clock)) {
      clock.tick(Math.max(0, due - clock.now));
      await yieldToMicrotasks();
    }
    if (clock.now < core.simTimeMs) clock.tick(core.simTimeMs - clock.now);
    onStep();
  };

  const handshake = connectJohnnyFive(stream, { timeoutMs: HANDSHAKE_BUDGET_MS, logger: quietLogger });
  let connected: Awaited<typeof handshake> | null = null;
  void handshake.then((result) => (connected = result));
  while (connected === null) await step();
  const result = connected as Awaited<typeof handshake>;
  if (!result.ok) throw new Error(`virtual Uno handshake failed: ${result.reason}`);
  const session = new BoardSession(result.stack, {
    chispaFirmware: result.stack.firmware !== null && classifyFirmware(result.stack.firmware) !== 'other-firmata',
  });

  const startMs = clock.now;
  const at = (ms: number) => ms - startMs;
  const trace: ScenarioTrace = { durationMs: input.check.durationMs, pins: {}, prints: [], fault: null, simulatedMs: 0 };
  for (const pin of input.pins) trace.pins[pin] = [];
  const program = startSimProgram({
    code: input.code,
    run: (command: BoardCommand) => session.run(command),
    now: () => at(clock.now),
    onPrint: (text) => trace.prints.push({ atMs: at(clock.now), text }),
    onFault: (fault) => (trace.fault = { atMs: at(clock.now), ...fault }),
  });

  for (const stimulus of input.check.stimuli) {
    const apply = (): void => {
      if (stimulus.kind === 'press') core.setDigitalInput(stimulus.pin, true);
      else if (stimulus.kind === 'analog') core.setAnalogVolts(stimulus.channel, (stimulus.percent / 100) * 5);
      else core.setDistanceCm(stimulus.pin, stimulus.cm);
    };
    setTimeout(apply, stimulus.atMs);
    if (stimulus.kind === 'press') {
      setTimeout(() => core.setDigitalInput(stimulus.pin, RELEASED), stimulus.atMs + stimulus.forMs);
    }
  }

  while (at(clock.now) < input.check.durationMs && !program.ended()) {
    const from = at(clock.now);
    await step();
    sample(core, trace.pins, from, at(clock.now));
  }
  // A program that ended early leaves its pins as they are: record them to the end.
  const from = at(clock.now);
  if (from < input.check.durationMs) {
    core.runMs(input.check.durationMs - from);
    sample(core, trace.pins, from, input.check.durationMs);
  }
  program.stop();
  session.close();
  result.stack.teardown();
  trace.simulatedMs = core.simTimeMs;
  return trace;
};

/** When the next fake timer is due (the clock's heap; Infinity when none is pending). */
const nextTimerAt = (clock: InstalledClock): number =>
  (clock as unknown as { timerHeap?: { peek(): { callAt: number } | undefined } }).timerHeap?.peek()?.callAt ??
  Infinity;

const round = (value: number, step: number): number => Math.round(value / step) * step;

function sample(core: VirtualUnoCore, pins: Record<number, PinSegment[]>, fromMs: number, toMs: number): void {
  for (const key of Object.keys(pins)) {
    const pin = Number(key);
    const wave = core.pinWaveform(pin);
    const level = core.pinLevel(pin) ? 1 : 0;
    const fast = wave !== null && wave.periodUs < 40_000;
    const servo =
      wave !== null && wave.periodUs >= 5_000 && wave.periodUs <= 40_000 && wave.highUs >= 300 && wave.highUs <= 3_000;
    appendSample(pins[pin], fromMs, toMs, {
      level: fast ? null : level,
      duty: fast && wave ? round(wave.duty, 0.005) : level,
      hz: fast && wave && !servo ? round(wave.frequencyHz, 0.5) : null,
      pulseUs: servo && wave ? round(wave.highUs, 5) : null,
    });
  }
}
