/**
 * Lesson checks: for each sample lesson step with a behaviour check, the time "Comprobar" takes
 * on its reference solution (what the child waits: the check thread booted the board after the
 * previous check answered, as between two presses in the app) and the simulated-time factor of the
 * scenario: simulated time / wall time, and / the check thread's own CPU time (which a loaded
 * machine does not distort). Then a 10 s blink scenario and `lessons:check` over every lesson.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLesson } from '../common/lessons/parse-lesson';
import type { Lesson } from '../common/lessons/lesson-types';
import { knownBlockTypes, programCodeFor } from '../blocks/headless-workspace';
import { tracedPins } from '../common/lessons/judge-behaviour';
import { defaultFirmwareHexPath } from '../main/board/firmware-path';
import { runScenarioInWorker } from '../main/lessons/check/run-scenario-in-worker';
import { checkAllLessons } from '../main/lessons/check/check-all-lessons';
import { checkStep } from '../main/lessons/check/check-step';
import { loadLessonFolder } from '../main/lessons/load-lesson-folder';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Real time the check thread gets to boot its next board between two checks. */
const SPARE_BOOT_MS = Number(process.env.BENCH_SPARE_BOOT_MS ?? 1500);
const lessonsDir = fileURLToPath(new URL('../lessons', import.meta.url));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const print = (name: string, value: number, unit: string) =>
  console.log(`bench: ${name} = ${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`);

const measure = async (name: string, lesson: Lesson, stepIndex: number, workspace: unknown) => {
  const check = lesson.steps[stepIndex].checks.find((c) => c.kind === 'behaviour');
  if (!check || check.kind !== 'behaviour') return;
  const walls: number[] = [];
  const factors: number[] = [];
  const cpuFactors: number[] = [];
  const input = {
    code: programCodeFor(workspace),
    check,
    flashHex: await readFile(defaultFirmwareHexPath(), 'utf8'),
    pins: tracedPins(check),
  };
  for (let run = 0; run < RUNS; run++) {
    await settleBoot();
    const started = performance.now();
    const result = await checkStep({ lesson, stepIndex, workspace });
    walls.push(performance.now() - started);
    if (!result.passed)
      throw new Error(`${name}: the reference solution failed ${result.failure.messageKey}`);
    await settleBoot();
    const scenarioStarted = performance.now();
    const outcome = await runScenarioInWorker(input);
    const scenarioWall = performance.now() - scenarioStarted;
    if (outcome.kind !== 'trace') throw new Error(`${name}: ${outcome.kind}`);
    factors.push(outcome.cost.simulatedMs / scenarioWall);
    if (outcome.cost.threadCpuMs) cpuFactors.push(outcome.cost.simulatedMs / outcome.cost.threadCpuMs);
  }
  print(`lesson.check.${name}.time`, Math.round(median(walls)), 'ms');
  print(`lesson.check.${name}.simulated-factor`, median(factors), 'x');
  if (cpuFactors.length > 0)
    print(`lesson.check.${name}.simulated-factor-thread-cpu`, median(cpuFactors), 'x');
};

/** Lets the check thread finish booting its next board, as it has between two presses of "Comprobar". */
const settleBoot = () => new Promise((resolve) => setTimeout(resolve, SPARE_BOOT_MS));

console.log(
  `# load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${availableParallelism()} cores, ${RUNS} runs each (median)`,
);
for (const id of ['blink', 'button-led']) {
  const parsed = await loadLessonFolder(join(lessonsDir, id));
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  for (const [index, step] of parsed.lesson.steps.entries()) {
    if (step.solution && step.checks.some((c) => c.kind === 'behaviour'))
      await measure(`${id}.step-${index + 1}`, parsed.lesson, index, step.solution.workspace);
  }
}

// "Comprobar answers in under 2 s for a 10 s scenario": the blink solution over 10 s.
const blink = await loadLessonFolder(join(lessonsDir, 'blink'));
if (blink.ok) {
  const tenSeconds = (locale: string) =>
    [
      '---',
      'id: blink-10s',
      `title: ${locale}`,
      'audience: children-8-10',
      'level: 1',
      'duration: 10',
      'activity: robotics-class',
      '---',
      '## Step',
      '```solution',
      'solution.json',
      '```',
      '```behaviour 10 s',
      'expect D13 blinks every 1 s ± 15 % from 0.5 s',
      '```',
    ].join('\n');
  const solution = blink.lesson.steps[1].solution!.workspace;
  const parsed = parseLesson(
    { 'es.md': tenSeconds('es'), 'en.md': tenSeconds('en'), 'solution.json': JSON.stringify(solution) },
    { knownBlockTypes: knownBlockTypes() },
  );
  if (!parsed.ok) throw new Error('10 s scenario does not parse');
  await measure('blink-10s', parsed.lesson, 0, solution);
}

const started = performance.now();
const reports = await checkAllLessons(lessonsDir);
const problems = reports.reduce((sum, report) => sum + report.problems.length, 0);
print('lessons.check-all.time', Math.round(performance.now() - started), 'ms');
print('lessons.check-all.lessons', reports.length, 'lessons');
if (problems > 0) throw new Error(`lessons:check found ${problems} problems`);
