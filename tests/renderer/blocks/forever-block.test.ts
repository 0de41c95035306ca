import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgramRunner, type RunEnd, type RunnerBoard } from '../../../renderer/runner/program-runner';
import { createNodeProgramWorker, type NodeProgramWorker } from '../helpers/node-worker-factory';
import { codeFor } from './headless-blocks';

/**
 * "por siempre" with a body that never waits (print only), run by the real runner in a worker
 * thread: its prints reach the page while it loops (the loop yields each turn), and Stop ends it.
 */
const board: RunnerBoard = {
  async prepare() {},
  async command() {
    return null;
  },
};
const workers: NodeProgramWorker[] = [];

afterEach(async () => {
  for (const worker of workers.splice(0)) {
    worker.terminate();
    await worker.exited;
  }
});

const until = async (predicate: () => boolean, what: string) => {
  for (let i = 0; i < 1000 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!predicate()) throw new Error(`timed out waiting for ${what}`);
};

describe('the "por siempre" block', () => {
  it('loops without a wait inside, keeps the console fed, and Stop ends it', async () => {
    const workspace = JSON.parse(
      readFileSync(join(import.meta.dirname, 'golden/chispa_forever.json'), 'utf8'),
    );
    const code = codeFor(workspace);
    const ends: RunEnd[] = [];
    const prints: string[] = [];
    const highlights: Array<string | null> = [];
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
      print: (lines) => prints.push(...lines),
      highlight: (id) => highlights.push(id),
    });
    await runner.run(code);
    // Several batches of prints arrive while the loop runs: the worker is not stuck in the loop.
    await until(() => prints.length >= 3, 'prints from the running loop');
    expect(new Set(prints)).toEqual(new Set(['¡Hola!']));
    // Highlights are sampled (20 a second): the block running at that moment, one of the loop's.
    expect(highlights.length).toBeGreaterThan(0);
    for (const id of highlights) expect(['forever', 'print']).toContain(id);
    expect(runner.state).toBe('running');
    runner.stop();
    expect(runner.state).toBe('idle');
    expect(ends).toEqual([{ reason: 'stopped' }]);
    await workers[0].exited;
  });
});
