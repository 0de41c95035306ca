/**
 * One behaviour scenario in simulated time, inside the check worker, on a board booted by
 * sim-board.ts (the kit firmware on the virtual Uno, johnny-five, the board session) and the
 * child's program on the runner's own program host — all on ONE fake clock (installed by the
 * worker before this module loads) that moves only when the AVR core has run that far. Every
 * board call answers after its wire time at 57600 baud, so a loop without waits still moves the
 * clock. Same input, same trace: nothing here reads real time.
 */
import type { BoardCommand } from '../../../common/ipc/contract-board';
import type { BehaviourCheck } from '../../../common/lessons/lesson-types';
import { appendSample, type PinSegment, type ScenarioTrace } from '../../../common/lessons/pin-trace';
import type { VirtualUnoCore } from '../../virtual-uno/virtual-uno-core';
import type { InstalledClock, SimBoard } from './sim-board';
import { startSimProgram } from './sim-program';

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

/**
 * Runs the scenario on a freshly booted board. Initial inputs are set after the boot: a released
 * button and a distant object read the same as no input at all until the program uses the pin.
 */
export const runScenario = async (input: ScenarioInput, board: SimBoard, clock: InstalledClock): Promise<ScenarioTrace> => {
  const { core, session } = board;
  for (const stimulus of input.check.stimuli) {
    if (stimulus.kind === 'press') core.setDigitalInput(stimulus.pin, RELEASED);
    if (stimulus.kind === 'distance') core.setDistanceCm(stimulus.pin, NOTHING_IN_FRONT_CM);
  }

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

  await board.settle();
  while (at(clock.now) < input.check.durationMs && !program.ended()) {
    const from = at(clock.now);
    await board.step();
    sample(core, trace.pins, from, at(clock.now));
  }
  // A program that ended early leaves its pins as they are: record them to the end.
  const from = at(clock.now);
  if (from < input.check.durationMs) {
    core.runMs(input.check.durationMs - from);
    sample(core, trace.pins, from, input.check.durationMs);
  }
  program.stop();
  board.close();
  trace.simulatedMs = core.simTimeMs;
  return trace;
};

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
