/**
 * Programs written as children write them (with and without a wait in the loop), the inputs a
 * test gives the virtual Uno while each runs, and what the pins must do — measured from the
 * board's own pin snapshots, whoever runs the program (headless in Node, or Chromium).
 *
 * The test drives the inputs in a closed loop: the next input comes only once the output showed
 * the expected state and kept it for HOLD_MS, so a busy computer slows the test down instead of
 * squeezing its steps together. Latencies are measured in board time where the input is visible
 * on the pins (the button on D2), else (the potentiometer) from the test's clock. A run's result
 * is its outcome (the output states it went through) and its latencies; runs behave the same
 * when outcomes are equal and every latency is within its tolerance.
 */
import type { PinSnapshot, VirtualInput } from '../../../common/ipc/contract-board';
import { forever, ledSet, waitMs } from '../../e2e/helpers/project-file';

/** Button edge → output change, in board time (snapshots come ~30 a second; a busy PC adds more). */
export const LATENCY_TOLERANCE_MS = 250;
/** Potentiometer change (seen on A0) → servo change, in board time. */
export const POT_LATENCY_TOLERANCE_MS = 500;
/** Run → first expected output: loading the program and its first board calls. */
export const START_TOLERANCE_MS = 3000;
/** How long an output must keep its state before the next input. */
export const HOLD_MS = 250;
/** A tone's frequency and a servo pulse, measured on the pin. */
export const TONE_TOLERANCE_HZ = 3;
export const SERVO_TOLERANCE_US = 25;
/** Blink: the median measured half period (board time), and each one but at most one. */
export const BLINK_HALF_PERIOD_MS = 150;
export const BLINK_MEDIAN_TOLERANCE_MS = 25;
export const BLINK_EACH_TOLERANCE_MS = 100;
/** Blink: how long it is watched. */
const BLINK_WATCH_MS = 1800;

export interface PinProbe {
  input(input: VirtualInput): Promise<void>;
  onPins(listener: (snapshot: PinSnapshot) => void): () => void;
}

type Observed = 'led' | 'tone' | 'servo';
/** The output's state: LED on/off, tone Hz or null, servo pulse µs or null. */
type Value = boolean | number | null;

export interface Scenario {
  name: string;
  blocks: unknown[];
  observe: Observed;
  /** Inputs set before Run. */
  setup: VirtualInput[];
  /** Inputs in order, each with the output it must lead to. */
  steps: Array<{ input: VirtualInput; expect: Value }>;
  /** Output once the program started, before the first step. */
  initial: Value;
  /** Blink: measured half periods instead of steps. */
  blink?: boolean;
}

const press = (level: boolean): VirtualInput => ({ kind: 'digital', pin: 2, level });
const pot = (volts: number): VirtualInput => ({ kind: 'analog', pin: 0, volts });
const num = (id: string, value: number) => ({
  shadow: { type: 'math_number', id, fields: { NUM: value } },
});
const buttonPressed = { type: 'chispa_button_pressed', id: 'pressed', fields: { PIN: '2' } };
const ifElse = (then: unknown, otherwise: unknown) => ({
  type: 'controls_if',
  id: 'if',
  extraState: { hasElse: true },
  inputs: { IF0: { block: buttonPressed }, DO0: { block: then }, ELSE: { block: otherwise } },
});
/** The loop body followed by a 10 ms wait, or by nothing. */
const body = (block: Record<string, unknown>, wait: boolean) =>
  wait ? { ...block, next: { block: waitMs('wait', 10) } } : block;

const buttonSteps = (on: Value, off: Value) => [
  { input: press(true), expect: on },
  { input: press(false), expect: off },
  { input: press(true), expect: on },
  { input: press(false), expect: off },
];

const buttonLed = (wait: boolean): Scenario => ({
  name: `button → LED ${wait ? 'with' : 'without'} a wait`,
  blocks: [forever('loop', body(ifElse(ledSet('on', '1'), ledSet('off', '0')), wait))],
  observe: 'led',
  setup: [press(false)],
  initial: false,
  steps: buttonSteps(true, false),
});

const toneHeld = (wait: boolean): Scenario => ({
  name: `tone while held ${wait ? 'with' : 'without'} a wait`,
  blocks: [
    forever(
      'loop',
      body(
        ifElse(
          {
            type: 'chispa_tone',
            id: 'tone',
            fields: { PIN: '8' },
            inputs: { FREQUENCY: num('hz', 440), DURATION: num('ms', 0) },
          },
          { type: 'chispa_no_tone', id: 'quiet', fields: { PIN: '8' } },
        ),
        wait,
      ),
    ),
  ],
  observe: 'tone',
  setup: [press(false)],
  initial: null,
  steps: buttonSteps(440, null),
});

/** Potentiometer % as the servo angle: 2.5 V → 50 % → 50° → 1100 µs; 4.5 V → 90 % → 1500 µs. */
const servoPot = (wait: boolean): Scenario => ({
  name: `servo ← potentiometer ${wait ? 'with' : 'without'} a wait`,
  blocks: [
    forever(
      'loop',
      body(
        {
          type: 'chispa_servo_write',
          id: 'servo',
          fields: { PIN: '6' },
          inputs: {
            ANGLE: { block: { type: 'chispa_potentiometer', id: 'pot', fields: { CHANNEL: '0' } } },
          },
        },
        wait,
      ),
    ),
  ],
  observe: 'servo',
  setup: [pot(2.5)],
  initial: 1100,
  steps: [
    { input: pot(4.5), expect: 1500 },
    { input: pot(2.5), expect: 1100 },
  ],
});

const blink: Scenario = {
  name: 'blink',
  blocks: [
    forever(
      'loop',
      ledSet(
        'on',
        '1',
        waitMs('w1', BLINK_HALF_PERIOD_MS, ledSet('off', '0', waitMs('w2', BLINK_HALF_PERIOD_MS))),
      ),
    ),
  ],
  observe: 'led',
  setup: [],
  initial: true,
  steps: [],
  blink: true,
};

export const scenarios: Scenario[] = [
  buttonLed(true),
  buttonLed(false),
  toneHeld(true),
  toneHeld(false),
  servoPot(true),
  servoPot(false),
  blink,
];

interface Sample {
  wallMs: number;
  simMs: number;
  value: Value;
  /** The button's level on D2. */
  button: boolean;
  /** The voltage on A0. */
  pot: number;
}

const valueOf = (observe: Observed, snapshot: PinSnapshot): Value => {
  if (observe === 'led') return snapshot.digital[13];
  if (observe === 'tone') return snapshot.toneHz['8'] ?? null;
  return snapshot.servoPulseUs['6'] ?? null;
};

const matches = (observe: Observed, value: Value, expected: Value): boolean => {
  if (typeof value !== 'number' || typeof expected !== 'number') return value === expected;
  return Math.abs(value - expected) <= (observe === 'tone' ? TONE_TOLERANCE_HZ : SERVO_TOLERANCE_US);
};

export interface RunResult {
  /** Output states in order (expected values, or what was seen instead). */
  outcome: string[];
  /** Run → first expected output, then each input → its output (ms). */
  latencies: number[];
  /** Blink: half periods in board time (ms). */
  halfPeriods: number[];
  /** What went wrong, for the failure message (empty when the run behaved). */
  problems: string[];
}

const label = (value: Value) => (value === null ? 'off' : String(value));
/**
 * How long this process was held up (timers firing late) between two moments: on a loaded
 * machine the program's thread and the test's are starved alike, and a board-time latency grows
 * by about as much. Latency tolerances add it, so the test measures the app, not the machine.
 */
const startStallMeter = () => {
  const TICK_MS = 10;
  const ticks: Array<{ at: number; late: number }> = [];
  let expected = performance.now() + TICK_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    ticks.push({ at: now, late: Math.max(0, now - expected) });
    expected = now + TICK_MS;
  }, TICK_MS);
  return {
    stalledMs: (from: number, until: number) =>
      ticks
        .filter((tick) => tick.at > from && tick.at <= until + TICK_MS)
        .reduce((sum, tick) => sum + tick.late, 0),
    stop: () => clearInterval(timer),
  };
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Runs one scenario: `start` presses Run (returns once it was pressed), `stop` presses Stop.
 * Inputs go to the board through `probe`, and its pin snapshots are the measurement. `slack`
 * multiplies the timing tolerances (latencies, each blink half period; not the blink's median).
 */
export const runScenario = async (
  scenario: Scenario,
  probe: PinProbe,
  start: () => Promise<void>,
  stop: () => Promise<void>,
  slack = 1,
): Promise<RunResult> => {
  for (const input of scenario.setup) await probe.input(input);
  await sleep(100);
  const samples: Sample[] = [];
  const stalls = startStallMeter();
  let latest: PinSnapshot | null = null;
  let wake = () => {};
  const unsubscribe = probe.onPins((snapshot) => {
    latest = snapshot;
    const { observe } = scenario;
    samples.push({
      wallMs: performance.now(),
      simMs: snapshot.simTimeMs,
      value: valueOf(observe, snapshot),
      button: snapshot.digital[2],
      pot: snapshot.analogVolts[0],
    });
    wake();
  });
  /** Waits until the output matches `expected` (or the timeout), then holds HOLD_MS. */
  const settle = async (expected: Value, timeoutMs: number) => {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const value = latest ? valueOf(scenario.observe, latest) : null;
      if (latest && matches(scenario.observe, value, expected)) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 20);
      });
    }
    await sleep(HOLD_MS);
  };

  const result: RunResult = { outcome: [], latencies: [], halfPeriods: [], problems: [] };
  const startedAt = performance.now();
  await start();
  const sentAt: number[] = [];
  if (scenario.blink) await sleep(BLINK_WATCH_MS);
  else {
    await settle(scenario.initial, START_TOLERANCE_MS);
    for (const step of scenario.steps) {
      sentAt.push(performance.now());
      await probe.input(step.input);
      await settle(step.expect, 3000);
    }
  }
  const stoppedAt = performance.now();
  await stop();
  // Generous: a loaded machine slows the board's thread; this only proves the outputs go off.
  await settle(scenario.observe === 'led' ? false : null, 6000);
  unsubscribe();
  stalls.stop();
  const after = latest as PinSnapshot | null;
  if (
    after &&
    (after.digital[13] || after.toneHz['8'] !== undefined || after.servoPulseUs['6'] !== undefined)
  )
    result.problems.push('outputs still on after Stop');
  const during = samples.filter((sample) => sample.wallMs < stoppedAt);

  if (scenario.blink) {
    const changes = during.filter((sample, i) => i > 0 && sample.value !== during[i - 1].value);
    for (let i = 1; i < changes.length; i++) result.halfPeriods.push(changes[i].simMs - changes[i - 1].simMs);
    result.outcome.push(
      result.halfPeriods.length >= 6 ? 'blinks' : `${result.halfPeriods.length} half periods`,
    );
    if (Math.abs(median(result.halfPeriods) - BLINK_HALF_PERIOD_MS) > BLINK_MEDIAN_TOLERANCE_MS)
      result.problems.push(`median half period ${median(result.halfPeriods).toFixed(0)} ms`);
    // Every half period but one within its tolerance: one host stall (a loaded test machine) may
    // stretch a single one; two or more off means the program's rhythm is wrong.
    const off = result.halfPeriods.filter(
      (half) => Math.abs(half - BLINK_HALF_PERIOD_MS) > BLINK_EACH_TOLERANCE_MS * slack,
    );
    if (off.length > 1)
      result.problems.push(`half periods ${off.map((half) => half.toFixed(0)).join(', ')} ms`);
    return result;
  }

  // Phases: [Run, first input), [input 1, input 2), … each must reach its value and keep it.
  const phases = [
    { from: startedAt, expect: scenario.initial, input: null as VirtualInput | null },
    ...scenario.steps.map((step, i) => ({ from: sentAt[i], expect: step.expect, input: step.input })),
  ];
  phases.forEach((phase, i) => {
    const until = phases[i + 1]?.from ?? stoppedAt;
    // The state at the phase start is the last sample before it (a change counts from then on).
    const before = during.filter((sample) => sample.wallMs <= phase.from).at(-1);
    const inPhase = during.filter((sample) => sample.wallMs > phase.from && sample.wallMs < until);
    const states = before && i > 0 ? [before, ...inPhase] : inPhase;
    const reached = states.findIndex((sample) => matches(scenario.observe, sample.value, phase.expect));
    if (reached < 0) {
      result.outcome.push(
        `never ${label(phase.expect)} (saw ${states.map((s) => label(s.value)).join(', ')})`,
      );
      result.problems.push(`step ${i}: never ${label(phase.expect)}`);
      return;
    }
    result.outcome.push(label(phase.expect));
    const input = phase.input;
    let latency: number;
    let tolerance: number;
    if (input === null) {
      latency = Math.max(0, states[reached].wallMs - phase.from);
      tolerance = START_TOLERANCE_MS;
    } else if (input.kind === 'digital') {
      const edge = inPhase.find((sample) => sample.button === input.level);
      latency = edge ? Math.max(0, states[reached].simMs - edge.simMs) : Number.POSITIVE_INFINITY;
      tolerance = LATENCY_TOLERANCE_MS * slack;
    } else {
      const volts = input.kind === 'analog' ? input.volts : NaN;
      const edge = inPhase.find((sample) => Math.abs(sample.pot - volts) < 0.01);
      latency = edge ? Math.max(0, states[reached].simMs - edge.simMs) : Number.POSITIVE_INFINITY;
      tolerance = POT_LATENCY_TOLERANCE_MS * slack;
    }
    result.latencies.push(latency);
    if (input !== null) tolerance += stalls.stalledMs(phase.from, states[reached].wallMs);
    if (latency > tolerance) result.problems.push(`step ${i}: ${latency.toFixed(0)} ms late`);
    const glitch = states
      .slice(reached)
      .find((sample) => !matches(scenario.observe, sample.value, phase.expect));
    if (glitch) result.problems.push(`step ${i}: left ${label(phase.expect)} for ${label(glitch.value)}`);
  });
  if (result.problems.length && process.env.DEBUG_SAME)
    console.log(
      scenario.name,
      result.problems,
      during
        .map(
          (s) =>
            `${(s.wallMs - startedAt).toFixed(0)}/${s.simMs.toFixed(0)}:${label(s.value)}${s.button ? '*' : ''}`,
        )
        .join(' '),
    );
  return result;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
