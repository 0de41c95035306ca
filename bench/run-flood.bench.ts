/**
 * Loops with no wait against the 57600-baud link: how many board calls a second a program makes
 * and how many bytes a second reach the board's wire, from Node (the renderer's runner over the
 * browser-mode WebSocket, the program host in a worker thread) and from Chromium (the real page
 * and Web Worker), next to what the link carries. Main runs in this process with the virtual
 * Uno's transport instrumented (every byte johnny-five writes is counted).
 *   runner.flood.link-capacity                  bytes a second a 57600-baud link carries
 *   runner.flood.<front>.<program>.calls        board calls a second reaching main
 *   runner.flood.<front>.<program>.wire         bytes a second written to the board
 *   runner.flood.<front>.<program>.max-backlog  most bytes on their way (LinkBudget's model)
 * Programs: button-led = forever { if button pressed: LED on, else LED off } (nothing changes:
 * every write is skipped); toggle = forever { LED on; LED off } (every write changes the pin:
 * the wire is the limit). Each is measured over BENCH_FLOOD_MS (default 3000) after a 500 ms
 * warm-up.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createServices } from '../main/app/create-services';
import { defaultFirmwareHexPath } from '../main/board/firmware-path';
import { LINK_BYTES_PER_SECOND } from '../main/board/link-budget';
import { createVirtualTransportFactory } from '../main/board/virtual-transport';
import { createAppDispatcher } from '../main/ipc/register-handlers';
import { startWebServer } from '../main/web/web-server';
import { createClient } from '../renderer/ipc/client';
import { createWebSocketTransport } from '../renderer/ipc/websocket-transport';
import { createBoardLink } from '../renderer/runner/board-link';
import { ProgramRunner } from '../renderer/runner/program-runner';
import { codeFor } from '../tests/renderer/blocks/headless-blocks';
import { createNodeWorkerPool } from '../tests/renderer/helpers/node-worker-factory';
import { ensureBuilt } from '../tests/e2e/helpers/app-process';
import { chromiumPath, openBrowser } from '../tests/e2e/helpers/browser';
import { forever, ledSet, openProject } from '../tests/e2e/helpers/project-file';

const WINDOW_MS = Number(process.env.BENCH_FLOOD_MS ?? 3000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const programs: Record<string, unknown[]> = {
  'button-led': [
    forever('loop', {
      type: 'controls_if',
      id: 'if',
      extraState: { hasElse: true },
      inputs: {
        IF0: { block: { type: 'chispa_button_pressed', id: 'pressed', fields: { PIN: '2' } } },
        DO0: { block: ledSet('on', '1') },
        ELSE: { block: ledSet('off', '0') },
      },
    }),
  ],
  toggle: [forever('loop', ledSet('on', '1', ledSet('off', '0')))],
};

ensureBuilt();
const dataDir = mkdtempSync(join(tmpdir(), 'chispa-bench-flood-'));
const services = await createServices({ dataDir, mode: 'browser' });
let wireBytes = 0;
let calls = 0;
const virtualFactory = createVirtualTransportFactory({ firmwareHexPath: defaultFirmwareHexPath() });
services.board.setTransportFactory('virtual', async (target) => {
  const opened = await virtualFactory(target);
  const write = opened.stream.write.bind(opened.stream);
  opened.stream.write = (data: Buffer, callback?: (error?: Error | null) => void) => {
    wireBytes += data.length;
    return write(data, callback);
  };
  return opened;
});
const command = services.board.command.bind(services.board);
services.board.command = (boardCommand) => {
  calls++;
  return command(boardCommand);
};

const server = await startWebServer({
  dispatcher: createAppDispatcher(services),
  events: services.events,
  logger: services.logger,
  rendererDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
  port: 0,
});

/** Counts calls and bytes over the window while the program runs; `start`/`stop` press Run/Stop. */
const measure = async (name: string, start: () => Promise<void>, stop: () => Promise<void>) => {
  await start();
  await sleep(500);
  const session = services.board.inspect()?.session;
  const calls0 = calls;
  const bytes0 = wireBytes;
  const t0 = performance.now();
  let maxBacklog = 0;
  while (performance.now() - t0 < WINDOW_MS) {
    maxBacklog = Math.max(maxBacklog, session?.linkBacklogBytes() ?? 0);
    await sleep(5);
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`bench: runner.flood.${name}.calls = ${((calls - calls0) / seconds).toFixed(0)} calls/s`);
  console.log(`bench: runner.flood.${name}.wire = ${((wireBytes - bytes0) / seconds).toFixed(0)} bytes/s`);
  console.log(`bench: runner.flood.${name}.max-backlog = ${maxBacklog.toFixed(0)} bytes`);
  await stop();
  await sleep(300);
};

try {
  console.log(`bench: runner.flood.link-capacity = ${LINK_BYTES_PER_SECOND} bytes/s`);
  // Node: the renderer's runner and board link over the WebSocket, as the bench for latency does.
  const OriginalWebSocket = WebSocket;
  (globalThis as { WebSocket?: unknown }).WebSocket = class extends OriginalWebSocket {
    constructor(url: string) {
      super(url, { origin: `http://127.0.0.1:${server.port}` });
    }
  };
  const client = createClient(
    createWebSocketTransport(`ws://127.0.0.1:${server.port}/bridge?token=${server.token}`),
  );
  const pool = createNodeWorkerPool();
  const runner = new ProgramRunner({ createWorker: () => pool.take(), board: createBoardLink(client) });
  for (const [name, blocks] of Object.entries(programs)) {
    const code = codeFor({ blocks: { languageVersion: 0, blocks } });
    await pool.warm();
    await measure(
      `node.${name}`,
      async () => {
        await runner.run(code);
        if (runner.state !== 'running') throw new Error(`the ${name} program did not start`);
      },
      async () => runner.stop(),
    );
  }
  await pool.close();

  if (existsSync(chromiumPath)) {
    const session = await openBrowser();
    try {
      const { page } = session;
      await page.setViewportSize({ width: 1600, height: 1000 });
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready="true"]');
      for (const [name, blocks] of Object.entries(programs)) {
        await openProject(page, `flood-${name}`, blocks);
        await measure(
          `chromium.${name}`,
          async () => {
            await page.click('[data-testid="run"]');
            await page.waitForSelector('.run-controls[data-state="running"]', { timeout: 20_000 });
          },
          async () => {
            await page.click('[data-testid="stop"]');
            await page.waitForSelector('.run-controls[data-state="idle"]');
          },
        );
      }
      if (session.errors.length) throw new Error(`page errors: ${session.errors.join('; ')}`);
    } finally {
      await session.close();
    }
  } else {
    console.log(`bench: runner.flood.chromium skipped: no Chromium at ${chromiumPath}`);
  }
} finally {
  // The client would reconnect to the closed server: give it sockets that stay closed.
  (globalThis as { WebSocket?: unknown }).WebSocket = class {
    addEventListener() {}
    send() {}
    close() {}
  };
  await server.close();
  await services.dispose();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
