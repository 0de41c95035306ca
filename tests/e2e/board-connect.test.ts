/**
 * Issue 4's user-facing path in Chromium (browser mode, app in its own process): a blank Uno
 * (Debian's optiboot, no app) behind a socat pty, the port typed by hand in the board chooser,
 * "no firmware" with Prepare offered, Prepare with its progress bar to 100 %, ready with Chispa's
 * firmware, then a program run from the editor lights pin 13 on the simulated board (read in this
 * process). Also: the guide opens at the matching section from "port busy" and "no firmware".
 */
import type { Page } from 'playwright-core';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPtyPair, socatMissingReason, type PtyPair } from '../helpers/pty-bridge';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { startPtyUno, type PtyUno } from './helpers/pty-uno';
import { openProject } from './helpers/project-file';

const skipReason = socatMissingReason();
if (skipReason) console.log(`[skip] board-connect e2e: ${skipReason}`);

const state = (page: Page) => page.locator('[data-testid="board-connect-state"]');

const waitForBoardState = async (page: Page, wanted: string, timeout: number) => {
  try {
    await page.waitForSelector(`[data-testid="board-connect-state"][data-state="${wanted}"]`, { timeout });
  } catch (error) {
    throw new Error(
      `board did not reach ${wanted}: "${await state(page).textContent()}" (${await state(page).getAttribute('data-state')}), ` +
        `notice "${await page.locator('[data-testid="board-connect-notice"]').textContent()}"`,
      { cause: error },
    );
  }
};

/** Clicks "¿Qué hago?" and checks the guide opened at `anchor` with that section's heading focused. */
const checkGuideOpensAt = async (page: Page, anchor: string, help = 'board-help') => {
  if (help === 'board-help')
    await expect
      .poll(() => page.locator('[data-testid="board-help"]').getAttribute('data-anchor'))
      .toBe(anchor);
  await page.click(`[data-testid="${help}"]`);
  const dialog = page.locator('[data-testid="guide-dialog"]');
  await dialog.waitFor({ state: 'visible' });
  await expect.poll(() => dialog.getAttribute('data-anchor')).toBe(anchor);
  const focused = await page.evaluate(() => {
    const active = document.activeElement;
    return {
      section: active?.closest('[data-guide-section]')?.getAttribute('data-guide-section') ?? null,
      tag: active?.tagName ?? null,
      text: active?.textContent ?? '',
    };
  });
  expect(focused.section).toBe(anchor);
  expect(focused.tag).toMatch(/^H[34]$/);
  expect(focused.text.length).toBeGreaterThan(5);
  // Built from markdown as elements: no raw markdown or HTML tags show as text.
  const body = (await page.locator('[data-testid="guide-body"]').textContent()) ?? '';
  expect(body).not.toContain('<a id=');
  expect(body).not.toContain('## ');
  expect(await page.locator(`#guide-${anchor}`).isVisible()).toBe(true);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // Focus comes back to the link that opened the guide.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(help);
};

/**
 * Opens the typed-port box. Where the port list fails (no udevadm) the chooser opens it by
 * itself, and a click on its summary would close it again.
 */
const openManualBox = async (page: Page) => {
  const manual = page.locator('[data-testid="board-manual"]');
  if ((await manual.getAttribute('open')) === null) await manual.locator('summary').click();
  await page.locator('[data-testid="board-manual-path"]').waitFor({ state: 'visible' });
};

/** LED 13 on, then wait 30 s (the test stops it long before). */
const ledOnProgram = [
  {
    type: 'chispa_led_set',
    id: 'led-on',
    fields: { PIN: '13', STATE: '1' },
    next: {
      block: {
        type: 'chispa_wait_seconds',
        id: 'wait',
        inputs: { SECONDS: { block: { type: 'math_number', id: 'secs', fields: { NUM: 30 } } } },
      },
    },
    x: 40,
    y: 40,
  },
];

describe.skipIf(skipReason !== null)(
  'board chooser, Prepare board and the guide (Chromium, real pty)',
  () => {
    let rig: PtyUno;
    let silent: PtyPair | null = null;
    let app: RunningApp;
    let session: BrowserSession;
    let page: Page;

    beforeAll(async () => {
      rig = await startPtyUno();
      app = await startApp();
      session = await openBrowser();
      page = session.page;
      await page.goto(app.url);
      await page.waitForSelector('body[data-ready="true"]');
      await page.waitForSelector('[data-testid="board-connect-panel"]');
    });
    afterAll(async () => {
      await session?.close();
      await app?.stop();
      await rig?.dispose();
    });

    it('adds a typed port path to the chooser', async () => {
      await openManualBox(page);
      await page.fill('[data-testid="board-manual-path"]', rig.pty.appPath);
      await page.click('[data-testid="board-manual-add"]');
      await expect
        .poll(() => page.locator('[data-testid="board-choice"]').inputValue())
        .toBe(rig.pty.appPath);
      const option = page.locator(`[data-testid="board-choice"] option[value="${rig.pty.appPath}"]`);
      expect(await option.textContent()).toContain(rig.pty.appPath);
      expect(await page.locator('[data-testid="board-connect-notice"]').textContent()).toContain(
        rig.pty.appPath,
      );
    });

    it('says "port busy" while another program holds the port, and the guide opens there', async () => {
      const holder = new SerialPort({ path: rig.pty.appPath, baudRate: 57600, lock: true, autoOpen: false });
      await new Promise<void>((resolve, reject) =>
        holder.open((error) => (error ? reject(error) : resolve())),
      );
      try {
        await page.click('[data-testid="board-connect"]');
        await waitForBoardState(page, 'port-busy', 10_000);
        expect(await page.locator('[data-testid="board-prepare"]').isVisible()).toBe(false);
        await checkGuideOpensAt(page, 'port-busy');
      } finally {
        await new Promise<void>((resolve) => holder.close(() => resolve()));
      }
    });

    it('a blank board says "no firmware", offers Prepare, and the guide opens at that section', async () => {
      await page.click('[data-testid="board-connect"]');
      await waitForBoardState(page, 'no-firmware', 15_000);
      expect(await page.locator('[data-testid="board-prepare"]').isVisible()).toBe(true);
      await checkGuideOpensAt(page, 'no-firmware');
    });

    it('Prepare asks first, shows progress to 100 %, then the board is ready with Chispa firmware', async () => {
      // Cancel does nothing.
      await page.click('[data-testid="board-prepare"]');
      await page.click('[data-testid="prepare-cancel"]');
      expect(await state(page).getAttribute('data-state')).toBe('no-firmware');

      await page.evaluate(() => {
        const w = window as unknown as {
          percents: number[];
          phases: string[];
          runDisabledWhileFlashing: boolean[];
        };
        w.percents = [];
        w.phases = [];
        w.runDisabledWhileFlashing = [];
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="board-flash-progress"]')!;
        const phase = document.querySelector('[data-testid="board-flash-phase"]')!;
        const run = document.querySelector<HTMLButtonElement>('[data-testid="run"]')!;
        new MutationObserver(() => {
          w.percents.push(bar.value);
          w.runDisabledWhileFlashing.push(run.disabled);
        }).observe(bar, { attributes: true });
        new MutationObserver(() => w.phases.push(phase.textContent ?? '')).observe(phase, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
      await page.click('[data-testid="board-prepare"]');
      expect(await page.locator('.prepare-dialog').textContent()).toContain(rig.pty.appPath);
      await page.click('[data-testid="prepare-confirm"]');
      await waitForBoardState(page, 'ready', 60_000);
      await page.waitForSelector('[data-testid="board-prepare-flow"][data-phase="done"]', {
        timeout: 10_000,
      });

      const { percents, phases, runDisabledWhileFlashing } = await page.evaluate(() => {
        const w = window as unknown as {
          percents: number[];
          phases: string[];
          runDisabledWhileFlashing: boolean[];
        };
        return {
          percents: w.percents,
          phases: w.phases,
          runDisabledWhileFlashing: w.runDisabledWhileFlashing,
        };
      });
      expect(Math.max(...percents)).toBe(100);
      expect(percents.filter((p) => p > 0 && p < 100).length).toBeGreaterThan(3);
      expect(runDisabledWhileFlashing.slice(0, -1).every(Boolean)).toBe(true);
      // Phases were announced (Spanish by default): writing, verifying, done.
      expect(phases.some((text) => text.includes('Grabando'))).toBe(true);
      expect(phases.some((text) => text.includes('Comprobando lo grabado'))).toBe(true);
      expect(phases.at(-1)).toContain('Placa preparada');
      console.log(
        `e2e: ${phases.at(-1)} (${percents.length} progress updates, ${rig.resets()} emulated DTR resets)`,
      );
      expect(await page.locator('[data-testid="board-flash-percent"]').textContent()).toBe('100 %');
      expect(await page.locator('[data-testid="board-prepare"]').isVisible()).toBe(false);
      const ready = (await state(page).textContent()) ?? '';
      expect(ready).toContain(rig.pty.appPath);
      expect(ready).toMatch(/chispa/i);
      expect(await page.locator('[data-testid="run"]').isEnabled()).toBe(true);
      expect(rig.resets()).toBeGreaterThanOrEqual(1);
    });

    it('a program run from the editor lights pin 13 on the real-serial board', async () => {
      await openProject(page, 'led13-serial', ledOnProgram);
      expect(rig.pinLevel(13)).not.toBe(true);
      await page.click('[data-testid="run"]');
      await page.waitForSelector('.run-controls[data-state="running"]', { timeout: 20_000 });
      await expect.poll(() => rig.pinLevel(13), { timeout: 10_000, interval: 50 }).toBe(true);
      // The run is on the serial board, not the virtual one.
      expect(await state(page).getAttribute('data-state')).toBe('ready');
      await page.click('[data-testid="stop"]');
      await page.waitForSelector('.run-controls[data-state="idle"]', { timeout: 20_000 });
      await expect.poll(() => rig.pinLevel(13), { timeout: 10_000, interval: 50 }).toBe(false);
    });

    it('pulling the cable says "lost" and that it will reconnect; plugging it back brings "ready"', async () => {
      await rig.unplug();
      await waitForBoardState(page, 'lost', 10_000);
      expect(await page.locator('[data-testid="board-connect-detail"]').textContent()).toContain(
        'se volverá a conectar sola',
      );
      expect(await page.locator('[data-testid="board-help"]').getAttribute('data-anchor')).toBe('board-lost');
      await rig.plug();
      await waitForBoardState(page, 'ready', 20_000);
      expect(await page.locator('[data-testid="board-connect-detail"]').isVisible()).toBe(false);
    });

    it('a failed Prepare says what to try and links its guide section', async () => {
      // A port where nothing answers: no Firmata, no bootloader.
      silent = await createPtyPair();
      // The board is ready, so choosing folded away: the child opens it again.
      await page.click('[data-testid="board-connect-fold"] > summary');
      await page.fill('[data-testid="board-manual-path"]', silent.appPath);
      await page.click('[data-testid="board-manual-add"]');
      await page.click('[data-testid="board-connect"]');
      await waitForBoardState(page, 'no-firmware', 15_000);
      await page.click('[data-testid="board-prepare"]');
      await page.click('[data-testid="prepare-confirm"]');
      await page.waitForSelector('[data-testid="board-prepare-flow"][data-phase="failed"]', {
        timeout: 40_000,
      });
      const failure = (await page.locator('[data-testid="board-flash-error"]').textContent()) ?? '';
      expect(failure).toContain('No se pudo preparar la placa.');
      expect(failure).toContain(silent.appPath);
      expect(failure).toContain('botón de reinicio');
      expect(await page.locator('[data-testid="run"]').isEnabled()).toBe(true);
      await checkGuideOpensAt(page, 'upload-no-answer', 'board-flash-help');
    });

    it('lists what the diagnosis found for the chosen port', async () => {
      await page.click('[data-testid="board-diagnose"]');
      const list = page.locator('[data-testid="board-diagnosis"] li');
      await expect.poll(() => list.count(), { timeout: 15_000 }).toBeGreaterThan(2);
      const present = page.locator('[data-testid="board-diagnosis"] li[data-finding="port-present"]');
      expect(await present.getAttribute('data-status')).toBe('ok');
      // The chosen port is the silent one from the test before.
      expect(await present.textContent()).toContain(silent?.appPath);
      expect(session.errors.filter((error) => !/favicon/.test(error))).toEqual([]);
    });

    it('follows a language switch without reconnecting', async () => {
      const before = await state(page).getAttribute('data-state');
      await page.selectOption('#language', 'en');
      await expect
        .poll(() => state(page).textContent())
        .toMatch(/No board (is )?connected|does not have Chispa's firmware|Ready|Lost/);
      expect(await page.locator('[data-testid="board-connect"]').textContent()).toBe('Connect');
      expect(await page.locator('[data-testid="board-choice"] option[value="virtual"]').textContent()).toBe(
        'Virtual board (on screen)',
      );
      expect(await state(page).getAttribute('data-state')).toBe(before);
      await page.selectOption('#language', 'es');
      await expect.poll(() => page.locator('[data-testid="board-connect"]').textContent()).toBe('Conectar');
    });
  },
);

describe.skipIf(skipReason !== null)('board chooser when the port list fails (no udevadm on PATH)', () => {
  let app: RunningApp;
  let session: BrowserSession;
  let rig: PtyUno;

  beforeAll(async () => {
    rig = await startPtyUno();
    // serialport lists Linux ports through udevadm; without it on PATH the list fails.
    app = await startApp({ env: { PATH: '/nonexistent' } });
    session = await openBrowser();
    await session.page.goto(app.url);
    await session.page.waitForSelector('body[data-ready="true"]');
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
    await rig?.dispose();
  });

  it('says why, opens the typed-path box, and a typed path still connects', async () => {
    const page = session.page;
    const problem = page.locator('[data-testid="board-list-problem"]');
    await problem.waitFor({ state: 'visible' });
    expect(await problem.getAttribute('data-tone')).toBe('error');
    expect(await problem.textContent()).toMatch(
      /escribe el nombre del puerto a mano|También puedes escribir/i,
    );
    expect(await page.locator('[data-testid="board-manual"]').getAttribute('open')).not.toBeNull();
    await page.fill('[data-testid="board-manual-path"]', rig.pty.appPath);
    await page.press('[data-testid="board-manual-path"]', 'Enter');
    await page.click('[data-testid="board-connect"]');
    await waitForBoardState(page, 'no-firmware', 15_000);
    expect(await page.locator('[data-testid="board-prepare"]').isVisible()).toBe(true);
  });
});
