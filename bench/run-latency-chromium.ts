/**
 * The Chromium half of bench/run-latency.bench.ts: the real page (browser mode, served by the
 * bench's in-process server), real clicks, the real program Web Worker. Times compare the page's
 * clock with the Node process's through epoch milliseconds (performance.timeOrigin + now() in
 * both, the same system clock), so "click in the page → bytes on the wire in main" is one span.
 */
import type { Page } from 'playwright-core';
import { openBrowser } from '../tests/e2e/helpers/browser';
import { forever, ledSet, projectFile, waitMs } from '../tests/e2e/helpers/project-file';

export interface WireLog {
  /** Epoch ms of each write to the virtual Uno, with its bytes. */
  entries: Array<{ at: number; bytes: number[] }>;
}

const blinkProject = projectFile('blink', [
  forever('loop', ledSet('on', '1', waitMs('w1', 100, ledSet('off', '0', waitMs('w2', 100))))),
]);
const buttonProject = projectFile('button', [
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
]);

const open = async (page: Page, file: object) => {
  await page.locator('[data-testid="editor-file-input"]').setInputFiles({
    name: 'bench.chispa.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.waitForTimeout(300);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const untilValue = async <T>(read: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> => {
  const start = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

/** firmata-io: DIGITAL_MESSAGE for port 1 (pins 8-15) with pin 13 set, or SET_DIGITAL_PIN_VALUE 13 1. */
export const isLedOnWrite = (bytes: number[]) =>
  (bytes[0] === 0x91 && (bytes[1] & 0x20) !== 0) || (bytes[0] === 0xf5 && bytes[1] === 13 && bytes[2] === 1);

export const measureInChromium = async (url: string, wire: WireLog, trials: number) => {
  const session = await openBrowser();
  const { page } = session;
  try {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    // No named functions inside page code: tsx's keepNames would reference a helper the page lacks.
    await page.evaluate(() => {
      const w = window as unknown as { runClicks: number[]; buttonDowns: number[]; ledOn: number[] };
      w.runClicks = [];
      w.buttonDowns = [];
      w.ledOn = [];
      document
        .querySelector('[data-testid="run"]')
        ?.addEventListener('click', () => w.runClicks.push(performance.timeOrigin + performance.now()), {
          capture: true,
        });
      document
        .querySelector('[data-testid="button-2"]')
        ?.addEventListener(
          'mousedown',
          () => w.buttonDowns.push(performance.timeOrigin + performance.now()),
          { capture: true },
        );
      const led = document.querySelector('[data-testid="led-13"]')!;
      new MutationObserver(() => {
        if (led.getAttribute('data-on') === 'true') w.ledOn.push(performance.timeOrigin + performance.now());
      }).observe(led, { attributes: true, attributeFilter: ['data-on'] });
    });
    const read = <K extends 'runClicks' | 'buttonDowns' | 'ledOn'>(key: K) =>
      page.evaluate((k) => (window as unknown as Record<string, number[]>)[k].slice(), key);
    const center = async (testId: string) => {
      const box = await page.locator(`[data-testid="${testId}"]`).boundingBox();
      if (!box) throw new Error(`${testId} not visible`);
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };

    // Run pressed → first bytes on the wire (board already connected: one warm-up run first).
    await open(page, blinkProject);
    const run = await center('run');
    const stop = await center('stop');
    const runToWire: number[] = [];
    for (let i = 0; i <= trials; i++) {
      await page
        .waitForSelector('[data-testid="run"]:not([disabled])', { timeout: 20_000 })
        .catch(async (error) => {
          const status = await page.locator('[data-testid="run-status"]').textContent();
          throw new Error(`Run stayed disabled (trial ${i}, "${status}")`, { cause: error });
        });
      await sleep(300); // the spare worker for the next run is loaded
      const before = wire.entries.length;
      await page.mouse.click(run.x, run.y);
      const first = await untilValue(() => wire.entries[before], 'a write after Run', 20_000);
      const clickedAt = (await read('runClicks')).at(-1)!;
      if (i > 0) runToWire.push(first.at - clickedAt); // run 0 connects the board (cold)
      await sleep(250);
      await page.mouse.click(stop.x, stop.y);
      await sleep(200);
    }

    // Button pressed on the panel → program's LED write on the wire → LED 13 drawn on.
    await open(page, buttonProject);
    await page.mouse.click(run.x, run.y);
    await page.waitForSelector('.run-controls[data-state="running"]');
    await sleep(500);
    const button = await center('button-2');
    const toWire: number[] = [];
    const toPanel: number[] = [];
    for (let i = 0; i < trials; i++) {
      await page.waitForSelector('[data-testid="led-13"][data-on="false"]');
      const before = wire.entries.length;
      const ledBefore = (await read('ledOn')).length;
      await page.mouse.move(button.x, button.y);
      await page.mouse.down();
      const write = await untilValue(
        () => wire.entries.slice(before).find((entry) => isLedOnWrite(entry.bytes)),
        'the LED write',
      );
      await page.waitForFunction(
        (n) => (window as unknown as { ledOn: number[] }).ledOn.length > n,
        ledBefore,
      );
      const pressedAt = (await read('buttonDowns')).at(-1)!;
      toWire.push(write.at - pressedAt);
      toPanel.push((await read('ledOn')).at(-1)! - pressedAt);
      await sleep(50 + Math.random() * 50);
      await page.mouse.up();
      await sleep(100 + Math.random() * 50);
    }
    await page.mouse.click(stop.x, stop.y);
    if (session.errors.length) throw new Error(`page errors: ${session.errors.join('; ')}`);
    return { runToWire, toWire, toPanel };
  } finally {
    await session.close();
  }
};
