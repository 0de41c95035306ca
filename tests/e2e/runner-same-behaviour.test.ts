/**
 * One program, one behaviour, in Chromium (browser mode, virtual Uno):
 * - each program of tests/renderer/helpers/same-behaviour.ts runs once in the page (Run and
 *   Stop clicked) and once headless against the same app (the renderer's runner over the
 *   WebSocket, the program host in a Node worker thread); both must go through the same outputs,
 *   each within the stated tolerances (tests/renderer/runner/runner-same-behaviour.test.ts runs each
 *   20 times headless);
 * - the board goes quiet when a program ends, Stop switches every output off even with no
 *   program running, "Nuevo" stops the program and switches every output off, and an endless
 *   tone ("sin fin") stops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import type { PinSnapshot } from '../../common/ipc/contract-board';
import { createClient, type ChispaClient } from '../../renderer/ipc/client';
import { createWebSocketTransport } from '../../renderer/ipc/websocket-transport';
import { createBoardLink } from '../../renderer/runner/board-link';
import { ProgramRunner } from '../../renderer/runner/program-runner';
import { codeFor } from '../renderer/blocks/headless-blocks';
import { createNodeWorkerPool } from '../renderer/helpers/node-worker-factory';
import { runScenario, scenarios, type PinProbe, type RunResult } from '../renderer/helpers/same-behaviour';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { forever, ledSet, openProject } from './helpers/project-file';

/**
 * Timing slack for this file: Chromium, the app, a headless runner and the test share the
 * machine here, so input → output latencies (250 ms headless) may reach 1 s; outcomes, values
 * and the blink's median half period are held to the headless tolerances.
 */
const CHROMIUM_SLACK = 4;

const runState = (page: Page, state: 'idle' | 'running') =>
  page.waitForSelector(`.run-controls[data-state="${state}"]`, { timeout: 20_000 });

describe('the same program behaves the same in Chromium and headless', () => {
  let app: RunningApp;
  let session: BrowserSession;
  let page: Page;
  let client: ChispaClient;
  let latest: PinSnapshot | null = null;
  const pool = createNodeWorkerPool();

  beforeAll(async () => {
    app = await startApp();
    const OriginalWebSocket = WebSocket;
    // The renderer's WebSocket transport uses the browser global; ws is API-compatible for it.
    (globalThis as { WebSocket?: unknown }).WebSocket = class extends OriginalWebSocket {
      constructor(url: string) {
        super(url, { origin: `http://127.0.0.1:${app.port}` });
      }
    };
    client = createClient(createWebSocketTransport(`ws://127.0.0.1:${app.port}/bridge?token=${app.token}`));
    client.on('board.pins', (snapshot) => {
      latest = snapshot;
    });
    expect((await client.call('board.connect', { target: { kind: 'virtual' } })).state).toBe('ready');
    session = await openBrowser();
    page = session.page;
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
  });
  afterAll(async () => {
    await pool.close();
    await session?.close();
    // The client would reconnect to the stopped app forever: give it sockets that stay closed.
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      addEventListener() {}
      send() {}
      close() {}
    };
    await app?.stop();
  });

  const probe = (): PinProbe => ({
    input: async (input) => void (await client.call('board.virtualInput', { input })),
    onPins: (listener) => client.on('board.pins', listener),
  });

  /** Waits until a pin snapshot satisfies `quiet` (the snapshots only come on a change). */
  const untilPins = async (what: string, ok: (pins: PinSnapshot) => boolean) => {
    await expect.poll(() => latest !== null && ok(latest), { timeout: 10_000, message: what }).toBe(true);
  };
  const quiet = (pins: PinSnapshot) =>
    !pins.digital[13] && pins.toneHz['8'] === undefined && pins.servoPulseUs['6'] === undefined;

  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      const runner = new ProgramRunner({ createWorker: () => pool.take(), board: createBoardLink(client) });
      await pool.warm();
      const code = codeFor({ blocks: { languageVersion: 0, blocks: scenario.blocks } });
      const headless = await runScenario(
        scenario,
        probe(),
        () => runner.run(code),
        async () => runner.stop(),
        CHROMIUM_SLACK,
      );
      await openProject(page, scenario.name.replace(/\W+/g, '-'), scenario.blocks);
      const chromium: RunResult = await runScenario(
        scenario,
        probe(),
        async () => {
          await page.click('[data-testid="run"]');
          await runState(page, 'running');
        },
        async () => {
          await page.click('[data-testid="stop"]');
          await runState(page, 'idle');
        },
        CHROMIUM_SLACK,
      );
      const report = `headless: ${headless.outcome.join(' → ')} ${headless.problems.join('; ')}\nchromium: ${chromium.outcome.join(' → ')} ${chromium.problems.join('; ')}`;
      expect(headless.problems, report).toEqual([]);
      expect(chromium.problems, report).toEqual([]);
      expect(chromium.outcome, report).toEqual(headless.outcome);
      expect(session.errors).toEqual([]);
    });
  }

  it('goes quiet when a program ends: LED, endless tone ("sin fin") and servo', async () => {
    await openProject(page, 'todo-encendido', [
      {
        ...ledSet('on', '1'),
        x: 40,
        y: 40,
        next: {
          block: {
            type: 'chispa_tone',
            id: 'tone',
            fields: { PIN: '8' },
            inputs: {
              FREQUENCY: { shadow: { type: 'math_number', id: 'hz', fields: { NUM: 440 } } },
              DURATION: { shadow: { type: 'math_number', id: 'ms', fields: { NUM: 0 } } },
            },
            next: {
              block: {
                type: 'chispa_servo_write',
                id: 'servo',
                fields: { PIN: '6' },
                inputs: { ANGLE: { shadow: { type: 'math_number', id: 'angle', fields: { NUM: 90 } } } },
                next: {
                  block: {
                    type: 'chispa_wait_ms',
                    id: 'wait',
                    inputs: { MS: { shadow: { type: 'math_number', id: 'w', fields: { NUM: 1500 } } } },
                  },
                },
              },
            },
          },
        },
      },
    ]);
    const seen = new Set<string>();
    const stopWatching = client.on('board.pins', (pins) => {
      if (pins.digital[13]) seen.add('LED');
      if (pins.toneHz['8']) seen.add('tone');
      if (pins.servoPulseUs['6']) seen.add('servo');
    });
    await page.click('[data-testid="run"]');
    await runState(page, 'running');
    await runState(page, 'idle');
    stopWatching();
    expect([...seen].sort()).toEqual(['LED', 'servo', 'tone']);
    await untilPins('every output off after the end', quiet);
  });

  it('switches every output off on Stop after the program finished', async () => {
    // Outputs left on by something else (another window's calls) while no program runs.
    await client.call('board.command', { command: { op: 'digitalWrite', pin: 13, value: 1 } });
    await client.call('board.command', { command: { op: 'tone', pin: 8, frequency: 440, durationMs: 0 } });
    await untilPins('LED and tone on', (pins) => Boolean(pins.digital[13] && pins.toneHz['8']));
    expect(await page.locator('.run-controls').getAttribute('data-state')).toBe('idle');
    await page.click('[data-testid="stop"]');
    await untilPins('every output off after Stop', quiet);
  });

  it('"Nuevo" stops the program and switches every output off', async () => {
    await openProject(page, 'parpadeo-con-tono', [
      forever('loop', {
        type: 'chispa_tone',
        id: 'tone',
        fields: { PIN: '8' },
        inputs: {
          FREQUENCY: { shadow: { type: 'math_number', id: 'hz', fields: { NUM: 523 } } },
          DURATION: { shadow: { type: 'math_number', id: 'ms', fields: { NUM: 0 } } },
        },
        next: { block: ledSet('on', '1') },
      }),
    ]);
    await page.click('[data-testid="run"]');
    await runState(page, 'running');
    await untilPins('LED and tone on', (pins) => Boolean(pins.digital[13] && pins.toneHz['8']));
    await page.click('[data-testid="editor-new"]');
    await page.click('[data-testid="editor-new-confirm"]');
    await runState(page, 'idle');
    await untilPins('every output off after Nuevo', quiet);
    // Also when the program had already finished: outputs left on go off with Nuevo.
    await client.call('board.command', { command: { op: 'digitalWrite', pin: 13, value: 1 } });
    await untilPins('LED on', (pins) => pins.digital[13]);
    await page.click('[data-testid="editor-new"]');
    await page.click('[data-testid="editor-new-confirm"]');
    await untilPins('LED off after Nuevo', quiet);
    expect(session.errors).toEqual([]);
  });
});
