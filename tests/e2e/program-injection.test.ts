/**
 * Project files are untrusted: a block id, a comment or a string crafted to break out of the
 * generated code must not run, and even code that did run in the program worker must reach
 * neither postMessage nor Worker. In Chromium through browser mode (Open → Run), plus the
 * program worker driven directly with hostile code (as if an injection had got through).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { openProject } from './helpers/project-file';

const forge = `(0, eval)('self').postMessage({ type: 'print', lines: ['FORGED'], dropped: 0 })`;
const spawnWorker = `new ((0, eval)('self').Worker)('data:text/javascript,1')`;

const print = (id: string, text: string, extra: Record<string, unknown> = {}, next?: unknown) => ({
  type: 'chispa_print',
  id,
  inputs: { VALUE: { block: { type: 'text', id: `${id}-t`, fields: { TEXT: text } } } },
  ...extra,
  ...(next ? { next: { block: next } } : {}),
});

const consoleLines = (page: Page) =>
  page
    .locator('[data-testid="console-output"] .console-line')
    .evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));

describe('project-file injection in Chromium (Open → Run)', () => {
  let app: RunningApp;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    session = await openBrowser();
    page = session.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('svg.blocklySvg');
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  it('prints only what the blocks ask, whatever the ids, comments and strings hold', async () => {
    const idBreak = `a');${forge};${spawnWorker};('`;
    const blocks = [
      print(
        idBreak,
        'uno',
        {},
        print(
          'c1',
          'dos',
          { icons: { comment: { text: `n\r${forge}`, pinned: false } } },
          {
            ...print('c2', `tres\u2028');${forge}//`, {
              icons: { comment: { text: `n\u2028${forge}`, pinned: false } },
            }),
            next: { block: print(`b\u2029${forge}//`, 'cuatro') },
          },
        ),
      ),
    ];
    await openProject(page, 'inyeccion', blocks);
    await page.click('[data-testid="console-clear"]');
    await page.click('[data-testid="run"]');
    await page
      .waitForSelector('.run-controls[data-state="running"]', { timeout: 30_000 })
      .catch(() => undefined);
    await page.waitForSelector('.run-controls[data-state="idle"]', { timeout: 30_000 });
    await expect
      .poll(() => consoleLines(page), { timeout: 5000 })
      .toEqual(['uno', 'dos', `tres\u2028');${forge}//`, 'cuatro']);
    expect(session.errors).toEqual([]);
  });

  it('leaves a program no way to postMessage, spawn a worker or import scripts, even through eval', async () => {
    const result = await page.evaluate(async () => {
      const worker = new Worker(new URL('program.program-worker.js', document.baseURI), { type: 'module' });
      const messages: unknown[] = [];
      worker.addEventListener('message', (event) => messages.push(event.data));
      const code = `
        const scopes = [(0, eval)('self'), Function('return this')()];
        const report = {};
        for (const name of ['postMessage', 'Worker', 'SharedWorker', 'importScripts', 'fetch', 'WebSocket', 'BroadcastChannel', 'MessageChannel', 'addEventListener', 'dispatchEvent', 'onmessage']) {
          report[name] = typeof scopes[0][name] + '/' + typeof scopes[1][name];
        }
        let forged = 'blocked';
        try { scopes[0].postMessage({ type: 'print', lines: ['FORGED'], dropped: 0 }); forged = 'sent'; } catch {}
        let spawned = 'blocked';
        try { new scopes[1].Worker('data:text/javascript,1'); spawned = 'spawned'; } catch {}
        try { new (scopes[0].constructor.prototype.Worker)('data:text/javascript,1'); spawned = 'spawned'; } catch {}
        api.print(JSON.stringify({ report, forged, spawned }));
      `;
      worker.postMessage({ type: 'start', code });
      const deadline = performance.now() + 10_000;
      while (
        !messages.some(
          (m) => (m as { type?: string }).type === 'done' || (m as { type?: string }).type === 'fault',
        )
      ) {
        if (performance.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      worker.terminate();
      return messages;
    });
    const prints = result.filter((m) => (m as { type: string }).type === 'print') as Array<{
      lines: string[];
    }>;
    const lines = prints.flatMap((m) => m.lines);
    expect(lines).not.toContain('FORGED');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]);
    expect(report.forged).toBe('blocked');
    expect(report.spawned).toBe('blocked');
    for (const [name, types] of Object.entries(report.report))
      expect(types, name).toBe('undefined/undefined');
    expect(result.at(-1)).toEqual({ type: 'done' });
  });
});
