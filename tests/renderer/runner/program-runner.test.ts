import { afterEach, describe, expect, it } from 'vitest';
import type { BoardCommand } from '../../../common/ipc/contract-board';
import type { ErrorCode } from '../../../common/ipc/error-codes';
import {
  BoardCallFailed,
  BoardNotReady,
  ProgramRunner,
  type RunEnd,
  type RunnerBoard,
} from '../../../renderer/runner/program-runner';
import { createNodeProgramWorker, type NodeProgramWorker } from '../helpers/node-worker-factory';

/** A board that answers every command on the next turn; digitalRead returns `inputs[pin]`. */
const fakeBoard = (options: { failOn?: BoardCommand['op']; failCode?: string; notReady?: boolean } = {}) => {
  const commands: BoardCommand[] = [];
  const inputs: Record<number, number> = {};
  const board: RunnerBoard = {
    async prepare() {
      if (options.notReady) throw new BoardNotReady({ key: 'board.error.no-firmware', params: {} });
    },
    async command(command) {
      commands.push(command);
      await new Promise((resolve) => setImmediate(resolve));
      if (command.op === options.failOn) {
        const code = (options.failCode ?? 'board.timeout') as ErrorCode; // codes the tests make up
        throw new BoardCallFailed({ code, messageKey: `error.${code}` });
      }
      return command.op === 'digitalRead' ? (inputs[command.pin] ?? 0) : null;
    },
  };
  return { board, commands, inputs };
};

const workers: NodeProgramWorker[] = [];
const startRunner = (board: RunnerBoard) => {
  const ends: RunEnd[] = [];
  const highlights: Array<string | null> = [];
  const prints: string[] = [];
  const runner = new ProgramRunner({
    createWorker: () => {
      const worker = createNodeProgramWorker();
      workers.push(worker);
      return worker;
    },
    board,
  });
  runner.listen({
    end: (end) => ends.push(end),
    highlight: (id) => highlights.push(id),
    print: (lines) => prints.push(...lines),
  });
  return { runner, ends, highlights, prints };
};

const until = async (predicate: () => boolean, what: string) => {
  for (let i = 0; i < 1000 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!predicate()) throw new Error(`timed out waiting for ${what}`);
};

afterEach(async () => {
  for (const worker of workers.splice(0)) {
    worker.terminate();
    await worker.exited;
  }
});

describe('program runner with the real host in a worker thread', () => {
  it('runs a program to the end, forwarding board calls in order, then switches every output off', async () => {
    const { board, commands } = fakeBoard();
    const { runner, ends, prints } = startRunner(board);
    await runner.run(
      "api.highlight('a'); await api.digitalWrite(13, 1); await api.wait(5); await api.pwmWrite(9, 128); api.print('fin');",
    );
    expect(runner.state).toBe('running');
    await until(() => ends.length > 0, 'the end of the program');
    expect(ends).toEqual([{ reason: 'done' }]);
    await until(() => commands.length === 3, 'the safe-off command');
    expect(commands).toEqual([
      { op: 'digitalWrite', pin: 13, value: 1 },
      { op: 'pwmWrite', pin: 9, value: 128 },
      { op: 'allOff' },
    ]);
    expect(prints).toEqual(['fin']);
    expect(runner.state).toBe('idle');
    await expect(workers[0].exited).resolves.toBeTypeOf('number');
  });

  it('switches every output off on Stop after the program finished, and on Stop with no program at all', async () => {
    const { board, commands } = fakeBoard();
    const { runner, ends } = startRunner(board);
    runner.stop();
    expect(commands).toEqual([{ op: 'allOff' }]);
    await runner.run('await api.tone(8, 440, 0);');
    await until(() => ends.length > 0 && commands.length === 3, 'the end');
    runner.stop();
    expect(ends).toEqual([{ reason: 'done' }]);
    expect(commands).toEqual([
      { op: 'allOff' },
      { op: 'tone', pin: 8, frequency: 440, durationMs: 0 },
      { op: 'allOff' },
      { op: 'allOff' },
    ]);
  });

  it('stops `while (true) {}` with no await: the thread ends and the board is switched off', async () => {
    const { board, commands } = fakeBoard();
    const { runner, ends, highlights } = startRunner(board);
    await runner.run("api.highlight('spin'); await api.digitalWrite(13, 1); while (true) {}");
    await until(() => commands.length === 1, 'the first command');
    await until(() => highlights.includes('spin'), 'the highlight');
    // Give the loop time to be spinning.
    await new Promise((resolve) => setTimeout(resolve, 100));
    runner.stop();
    expect(runner.state).toBe('idle');
    expect(ends).toEqual([{ reason: 'stopped' }]);
    expect(highlights.at(-1)).toBeNull();
    await workers[0].exited;
    expect(commands).toEqual([{ op: 'digitalWrite', pin: 13, value: 1 }, { op: 'allOff' }]);
  });

  it('ends with a message on the block whose board call failed, then switches outputs off', async () => {
    const { board, commands } = fakeBoard({ failOn: 'servoWrite' });
    const { runner, ends } = startRunner(board);
    await runner.run(
      "api.highlight('one'); await api.digitalWrite(3, 1); api.highlight('servo'); await api.servoWrite(6, 90);",
    );
    await until(() => ends.length > 0, 'the end');
    expect(ends[0]).toEqual({
      reason: 'error',
      blockId: 'servo',
      message: { key: 'runner.error.board', params: { code: 'board.timeout' } },
    });
    expect(commands.at(-1)).toEqual({ op: 'allOff' });
  });

  it('ends with a child-friendly message on the block that threw', async () => {
    const { board } = fakeBoard();
    const { runner, ends } = startRunner(board);
    await runner.run("api.highlight('ok'); let count = 1; api.highlight('bad'); count.push(2);");
    await until(() => ends.length > 0, 'the end');
    expect(ends[0]).toEqual({
      reason: 'error',
      blockId: 'bad',
      message: { key: 'runner.error.wrong-kind', params: {} },
    });
  });

  it('reads inputs through the board (a button program)', async () => {
    const { board, commands, inputs } = fakeBoard();
    const { runner, ends } = startRunner(board);
    await runner.run(
      'while (true) { const pressed = await api.digitalRead(2); await api.digitalWrite(13, pressed); await api.wait(2); }',
    );
    await until(
      () => commands.some((c) => c.op === 'digitalWrite' && c.value === 0),
      'LED off while released',
    );
    inputs[2] = 1;
    await until(() => commands.some((c) => c.op === 'digitalWrite' && c.value === 1), 'LED on while pressed');
    runner.stop();
    expect(ends).toEqual([{ reason: 'stopped' }]);
  });

  it('does not start when the board is not ready, and says why', async () => {
    const { board, commands } = fakeBoard({ notReady: true });
    const { runner, ends } = startRunner(board);
    await runner.run('await api.digitalWrite(13, 1);');
    expect(ends).toEqual([
      { reason: 'error', blockId: null, message: { key: 'board.error.no-firmware', params: {} } },
    ]);
    expect(workers).toHaveLength(0);
    expect(commands).toEqual([]);
  });

  it('ignores Run while a program runs, and a board loss stops without commanding the board', async () => {
    const { board, commands } = fakeBoard();
    const { runner, ends } = startRunner(board);
    await runner.run('while (true) { await api.wait(5); }');
    await runner.run('await api.digitalWrite(13, 1);');
    expect(workers).toHaveLength(1);
    runner.stop('board-lost');
    expect(ends).toEqual([{ reason: 'board-lost' }]);
    await workers[0].exited;
    expect(commands).toEqual([]);
  });

  it('ends as "board lost" when a call finds no board any more (no safe-off command to nobody)', async () => {
    const { board, commands } = fakeBoard({ failOn: 'digitalWrite', failCode: 'board.not-connected' });
    const { runner, ends } = startRunner(board);
    await runner.run("api.highlight('x'); await api.digitalWrite(13, 1); await api.wait(1000);");
    await until(() => ends.length > 0, 'the end');
    expect(ends).toEqual([{ reason: 'board-lost' }]);
    expect(commands).toEqual([{ op: 'digitalWrite', pin: 13, value: 1 }]);
  });
});
