/**
 * A lesson as the app uses it, after parsing `lessons/<id>/es.md` + `en.md` (+ JSON workspaces):
 * language-neutral parts (audience, parts, steps with their checks and workspaces) once, texts per
 * language. Pure data; see docs/lessons.md for the markdown format.
 */
import type { ActivityType } from '../ipc/attendance-schemas';
import type { Locale } from '../i18n/locale';

export const lessonAudiences = [
  'children-8-10',
  'children-11-14',
  'adolescents-15-17',
  'families',
  'teachers',
] as const;
export type LessonAudience = (typeof lessonAudiences)[number];

/** A kit part the board panel draws for this lesson (same kinds as the panel's KitPart, plus light). */
export type LessonPart =
  | { kind: 'led'; id: string; pin: number; color: string }
  | { kind: 'button'; id: string; pin: number; color: string }
  | { kind: 'potentiometer'; id: string; channel: number }
  | { kind: 'light'; id: string; channel: number }
  | { kind: 'servo'; id: string; pin: number }
  | { kind: 'buzzer'; id: string; pin: number }
  | { kind: 'distance'; id: string; pin: number; initialCm: number };

/** Where the step's workspace starts. */
export type StepStart =
  | { kind: 'empty' }
  /** Keep what the child built in the previous step. */
  | { kind: 'continue' }
  /** A workspace JSON file of the lesson folder (already parsed). */
  | { kind: 'workspace'; file: string; workspace: unknown };

// ---- Checks -------------------------------------------------------------------------------

/** Checks on the blocks alone (no program runs). `line` is where the check is written in es.md. */
export type WorkspaceCheck =
  | { kind: 'uses'; line: number; block: string; atLeast: number; atMost: number | null }
  | { kind: 'field'; line: number; block: string; field: string; value: string }
  | { kind: 'no-loose-blocks'; line: number }
  | { kind: 'variable-named'; line: number; name: string }
  | { kind: 'max-blocks'; line: number; max: number }
  /** At least one block of any of these types (an open project: any input will do). */
  | { kind: 'uses-one-of'; line: number; blocks: string[] }
  | { kind: 'min-blocks'; line: number; min: number };

/** Something done to the virtual Uno's inputs at a moment of the scenario (ms of simulated time). */
export type Stimulus =
  /** Button on `pin` held from atMs for forMs (pressed = HIGH, like the kit's button module). */
  | { kind: 'press'; line: number; pin: number; atMs: number; forMs: number }
  /** Analog input (potentiometer or light sensor) at `percent` of 5 V from atMs on. */
  | { kind: 'analog'; line: number; channel: number; percent: number; atMs: number }
  /** HC-SR04 on `pin` sees an object at `cm` from atMs on. */
  | { kind: 'distance'; line: number; pin: number; cm: number; atMs: number };

/** What the pin trace must show. Times in ms of simulated time; averages, never single edges. */
export type Expectation =
  /** The pin toggles with this period (mean over the window) within ± tolerance (0.15 = 15 %). */
  | { kind: 'blinks'; line: number; pin: number; periodMs: number; tolerance: number; fromMs: number; toMs: number }
  /** Mean PWM duty (0..1) over the window stays in [min, max]. */
  | { kind: 'duty'; line: number; pin: number; min: number; max: number; fromMs: number; toMs: number }
  /** The servo on `pin` is at `angle` ± toleranceDeg (judged by its pulse width) by byMs. */
  | { kind: 'servo'; line: number; pin: number; angle: number; toleranceDeg: number; byMs: number }
  /** The buzzer sounds `hz` ± tolerance (median) while `whilePin` is pressed, and is silent otherwise. */
  | { kind: 'tone-while'; line: number; pin: number; hz: number; tolerance: number; whilePin: number }
  /** The output is HIGH exactly while the input pin is pressed (after a short reaction time). */
  | { kind: 'follows'; line: number; pin: number; source: number }
  /** The output is HIGH exactly while the distance sensor on sensorPin reads under belowCm. */
  | { kind: 'on-when-closer'; line: number; pin: number; sensorPin: number; belowCm: number }
  /** The console printed a line equal to `text` (trimmed). */
  | { kind: 'prints'; line: number; text: string }
  /** The pins turn on one after another in this order, again and again (a traffic light). */
  | { kind: 'in-order'; line: number; pins: number[]; fromMs: number; toMs: number }
  /** The buzzer plays these notes in this order (repeated notes count once) within ± tolerance. */
  | { kind: 'notes'; line: number; pin: number; hz: number[]; tolerance: number }
  /** The servo goes from one end to the other and back; `smoothly`: through angles in between. */
  | {
      kind: 'servo-sweep';
      line: number;
      pin: number;
      low: number;
      high: number;
      toleranceDeg: number;
      smoothly: boolean;
    }
  /** At least one of the pins changes twice or more (an open project: any output will do). */
  | { kind: 'changes'; line: number; pins: number[] }
  /** The buzzer sounds exactly while the distance sensor on sensorPin reads under belowCm. */
  | { kind: 'sounds-when-closer'; line: number; pin: number; sensorPin: number; belowCm: number };

export interface BehaviourCheck {
  kind: 'behaviour';
  line: number;
  /** How long the scenario runs, in simulated ms. */
  durationMs: number;
  stimuli: Stimulus[];
  expectations: Expectation[];
}

export type StepCheck = WorkspaceCheck | BehaviourCheck;

// ---- Steps and lessons --------------------------------------------------------------------

export interface ScenarioChoice {
  text: string;
  correct: boolean;
  /** Shown after the child picks this choice. */
  explanation: string;
}

/** Texts of one step in one language (markdown, no HTML). */
export interface StepText {
  title: string;
  body: string;
  /** Revealed one at a time. */
  hints: string[];
  /** Shown only in staff mode. */
  staffNotes: string | null;
  /** Only for kind 'scenario': the question and its choices, same count and order in every language. */
  scenario: { question: string; choices: ScenarioChoice[] } | null;
  /** Line of the `##` heading in this language's file. */
  line: number;
}

export interface LessonStep {
  /** 'build': the child builds a program, checks decide. 'scenario': the child picks a choice. */
  kind: 'build' | 'scenario';
  /** Block types the toolbox narrows to; null = all blocks. */
  allowedBlocks: string[] | null;
  start: StepStart;
  /** A workspace that passes every check (required for build steps with checks). */
  solution: { file: string; workspace: unknown } | null;
  checks: StepCheck[];
  /** Help-resource keys (```help): the panel shows the centre's country entries for them. */
  helpKeys: string[];
  text: Record<Locale, StepText>;
}

export interface LessonText {
  title: string;
  /** The paragraph(s) between the front matter and the first step. */
  summary: string;
}

export interface Lesson {
  id: string;
  audience: LessonAudience[];
  level: number;
  durationMin: number;
  activityType: ActivityType;
  parts: LessonPart[];
  prerequisites: string[];
  text: Record<Locale, LessonText>;
  steps: LessonStep[];
  /** Image files the lesson's text shows (relative to its folder): the only files served from it. */
  images: string[];
}

// ---- Errors and results -------------------------------------------------------------------

/** A problem in a lesson file: "es.md:42: unknown block type `led_onn`" via messageKey + params. */
export interface LessonProblem {
  file: string;
  /** 1-based; 0 when the problem is about the file as a whole (e.g. missing). */
  line: number;
  messageKey: string;
  params: Record<string, string | number>;
}

export type LessonParseResult = { ok: true; lesson: Lesson } | { ok: false; problems: LessonProblem[] };

/** One track of the expected-vs-actual picture: a value held over [fromMs, toMs). */
export interface TimelineSegment {
  fromMs: number;
  toMs: number;
  value: number;
}

export interface TimelineTrack {
  /** 'D13', 'D2', 'A0'… */
  pin: string;
  role: 'expected' | 'actual' | 'stimulus';
  /** What `value` means: 0/1 level, duty 0..1, Hz, degrees, cm. */
  unit: 'level' | 'duty' | 'hz' | 'degrees' | 'cm' | 'percent';
  segments: TimelineSegment[];
}

export interface CheckTimeline {
  durationMs: number;
  /** Window the failed expectation judged, to highlight. */
  window: { fromMs: number; toMs: number } | null;
  tracks: TimelineTrack[];
}

/** The first failed expectation, in child words (message key + params, es/en). */
export interface CheckFailure {
  messageKey: string;
  params: Record<string, string | number>;
  /** Index of the failed check in step.checks, and its line in es.md. */
  checkIndex: number;
  line: number;
  /** For behaviour checks: the pins involved, expected vs actual. */
  timeline: CheckTimeline | null;
}

export type CheckResult =
  | { passed: true; virtualUno: boolean; simulatedMs: number; elapsedMs: number }
  | { passed: false; virtualUno: boolean; simulatedMs: number; elapsedMs: number; failure: CheckFailure };
