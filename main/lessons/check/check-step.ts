/**
 * "Comprobar": runs a step's checks in order on the child's workspace JSON and answers with the
 * first one not met, in child words. Workspace checks look at the blocks; behaviour checks
 * generate the program here from the workspace (main never runs code the renderer sent) and run
 * it on the virtual Uno with the kit firmware in simulated time — also when a real kit is
 * connected (the answer says so: virtualUno).
 */
import { readFile } from 'node:fs/promises';
import type { Locale } from '../../../common/i18n/locale';
import { judgeBehaviour, tracedPins } from '../../../common/lessons/judge-behaviour';
import type { CheckResult, Lesson } from '../../../common/lessons/lesson-types';
import { loadHeadlessWorkspace, programCodeFor } from '../../../blocks/headless-workspace';
import { judgeWorkspaceCheck } from '../../../blocks/lesson-workspace-checks';
import { defaultFirmwareHexPath } from '../../board/firmware-path';
import { runScenarioInWorker } from './run-scenario-in-worker';

export interface CheckStepRequest {
  lesson: Lesson;
  stepIndex: number;
  /** Blockly workspace JSON (serialization.workspaces.save). */
  workspace: unknown;
  /** Language of the block names in messages (default Spanish). */
  locale?: Locale;
  /** A real kit is connected: the check still runs on the virtual Uno (the answer says so). */
  realKitConnected?: boolean;
  /** Firmware the virtual Uno runs (default: the committed kit firmware). */
  firmwareHexPath?: string;
}

let firmwareCache: { path: string; hex: string } | null = null;
const firmwareHex = async (path: string): Promise<string> => {
  if (firmwareCache?.path !== path) firmwareCache = { path, hex: await readFile(path, 'utf8') };
  return firmwareCache.hex;
};

export const checkStep = async (request: CheckStepRequest): Promise<CheckResult> => {
  const started = performance.now();
  const step = request.lesson.steps[request.stepIndex];
  if (!step) throw new RangeError(`lesson ${request.lesson.id} has no step ${request.stepIndex}`);
  let virtualUno = false;
  let simulatedMs = 0;
  const fail = (checkIndex: number, failure: Omit<Extract<CheckResult, { passed: false }>['failure'], 'checkIndex' | 'line'>): CheckResult => ({
    passed: false,
    virtualUno,
    simulatedMs,
    elapsedMs: performance.now() - started,
    failure: { checkIndex, line: step.checks[checkIndex]?.line ?? 0, ...failure },
  });

  for (const [index, check] of step.checks.entries()) {
    if (check.kind !== 'behaviour') {
      const workspace = loadHeadlessWorkspace(request.workspace, request.locale ?? 'es');
      try {
        const failure = judgeWorkspaceCheck(check, workspace);
        if (failure) return fail(index, { ...failure, timeline: null });
      } finally {
        workspace.dispose();
      }
      continue;
    }
    const code = programCodeFor(request.workspace);
    if (code.trim() === '') return fail(index, { messageKey: 'lessonCheck.noProgram', params: {}, timeline: null });
    virtualUno = true;
    const outcome = await runScenarioInWorker({
      code,
      check,
      flashHex: await firmwareHex(request.firmwareHexPath ?? defaultFirmwareHexPath()),
      pins: tracedPins(check),
    });
    if (outcome.kind === 'stuck') return fail(index, { messageKey: 'lessonCheck.stuck', params: {}, timeline: null });
    if (outcome.kind === 'crashed')
      return fail(index, { messageKey: 'lessonCheck.crashed', params: { detail: outcome.detail }, timeline: null });
    simulatedMs += outcome.trace.simulatedMs;
    const failure = judgeBehaviour(check, outcome.trace);
    if (failure) {
      return fail(index, { messageKey: failure.messageKey, params: failure.params, timeline: failure.timeline });
    }
  }
  return { passed: true, virtualUno, simulatedMs, elapsedMs: performance.now() - started };
};
