/**
 * One program, one behaviour: each program of same-behaviour.ts runs RUNS times headless (the
 * real program host in a worker thread at Node speed, the board service in this process, the kit
 * firmware in the virtual Uno) on one board connection, as a classroom PC would, and must do the
 * same every time: the same outputs in the same order, each within the stated tolerances, and a
 * quiet board after Stop. The no-wait loops are held to the same tolerances as the waited ones;
 * tests/e2e/runner-same-behaviour.test.ts holds a run in Chromium to the same measurements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PinSnapshot } from '../../../common/ipc/contract-board';
import { createEventHub } from '../../../main/app/event-hub';
import { silentLogger } from '../../../main/app/logger';
import { createBoardService, type BoardService } from '../../../main/board/board-service';
import { AppError } from '../../../common/ipc/app-error';
import { BoardCallFailed, ProgramRunner, type RunEnd } from '../../../renderer/runner/program-runner';
import { FIRMWARE_HEX_PATH } from '../../main/board/board-test-kit';
import { codeFor } from '../blocks/headless-blocks';
import { createNodeWorkerPool } from '../helpers/node-worker-factory';
import { runScenario, scenarios, type PinProbe, type RunResult } from '../helpers/same-behaviour';

const RUNS = Number(process.env.CHISPA_SAME_BEHAVIOUR_RUNS ?? 20);

describe(`the same program behaves the same in ${RUNS} headless runs`, () => {
  const events = createEventHub();
  const service: BoardService = createBoardService({
    events,
    logger: silentLogger,
    firmwareHexPath: FIRMWARE_HEX_PATH,
  });
  const pool = createNodeWorkerPool();
  const ends: RunEnd[] = [];
  const runner = new ProgramRunner({
    createWorker: () => pool.take(),
    board: {
      prepare: async () => undefined,
      async command(command) {
        try {
          return (await service.command(command)).value;
        } catch (error) {
          if (error instanceof AppError)
            throw new BoardCallFailed({ code: error.code, messageKey: error.messageKey });
          throw error;
        }
      },
    },
  });
  runner.listen({ end: (end) => ends.push(end) });
  const probe: PinProbe = {
    input: async (input) => service.virtualInput(input),
    onPins: (listener) =>
      events.subscribe((name, payload) => {
        if (name === 'board.pins') listener(payload as PinSnapshot);
      }),
  };

  beforeAll(async () => {
    expect((await service.connect({ kind: 'virtual' })).state).toBe('ready');
  });
  afterAll(async () => {
    runner.stop();
    await pool.close();
    await service.dispose();
  });

  for (const scenario of scenarios) {
    it(
      scenario.name,
      async () => {
        const code = codeFor({ blocks: { languageVersion: 0, blocks: scenario.blocks } });
        const results: RunResult[] = [];
        for (let run = 0; run < RUNS; run++) {
          ends.length = 0;
          await pool.warm();
          results.push(
            await runScenario(
              scenario,
              probe,
              () => runner.run(code),
              async () => runner.stop(),
            ),
          );
          expect(ends, `run ${run + 1} ended by itself`).toEqual([{ reason: 'stopped' }]);
        }
        const report = results.map(
          (result, run) => `run ${run + 1}: ${result.outcome.join(' → ')} ${result.problems.join('; ')}`,
        );
        for (const result of results) {
          expect(result.problems, report.join('\n')).toEqual([]);
          expect(result.outcome, report.join('\n')).toEqual(results[0].outcome);
        }
      },
      RUNS * 8000 + 10_000,
    );
  }
});
