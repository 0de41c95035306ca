/**
 * Blockly's keyboard hints (its toasts) and what it tells screen readers (its live region), read
 * in Chromium while a child moves a block with the keyboard alone: Spanish with "tú" and accents,
 * then English after switching the language.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';

type Spoken = { hints: string[]; announced: string[] };

/** Starts recording every toast text and every live-region announcement Blockly makes. */
const listen = (page: Page) =>
  page.evaluate(() => {
    const heard = { hints: [] as string[], announced: [] as string[] };
    (window as unknown as { heard: typeof heard }).heard = heard;
    new MutationObserver(() => {
      const live = document.getElementById('blocklyAriaAnnounce')?.textContent?.trim();
      if (live) heard.announced.push(...live.split('\n').map((line) => line.trim()));
      for (const toast of document.querySelectorAll('.blocklyToast')) {
        const text = toast.textContent?.trim();
        if (text) heard.hints.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

/** What was heard since the last call (each text once). */
const heard = (page: Page): Promise<Spoken> =>
  page.evaluate(() => {
    const w = window as unknown as { heard: Spoken };
    const now = { hints: [...new Set(w.heard.hints)], announced: [...new Set(w.heard.announced)] };
    w.heard.hints = [];
    w.heard.announced = [];
    return now;
  });

/** Toolbox → first category → its first block → Enter: the block lands on the workspace in move mode. */
const takeFirstBlockByKeyboard = async (page: Page) => {
  await page.locator('.blocklyToolbox').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
};

describe("Blockly's keyboard hints and screen-reader messages", () => {
  let app: RunningApp;
  let session: BrowserSession;

  beforeAll(async () => {
    app = await startApp();
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  it('speak Spanish (tú, with accents) and English after the language switch', async () => {
    const { page } = session;
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    await listen(page);
    const workspaceTree = () => page.locator('[data-testid="blockly-host"]').ariaSnapshot();

    await takeFirstBlockByKeyboard(page);
    let spoken: Spoken = { hints: [], announced: [] };
    await expect
      .poll(async () => {
        const next = await heard(page);
        spoken = {
          hints: [...spoken.hints, ...next.hints],
          announced: [...spoken.announced, ...next.announced],
        };
        return spoken.announced.some((text) => text.startsWith('Moviendo '));
      })
      .toBe(true);
    expect(spoken.hints).toContain(
      'Mantén pulsada Ctrl y usa las flechas para mover el bloque libremente. Después pulsa Intro para dejarlo ahí.',
    );
    expect(spoken.announced).toContain('Moviendo encender, el LED del pin, 13 en el espacio de bloques.');
    // Leave it there, copy it, then start moving it again and change one's mind.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+c');
    await expect
      .poll(async () => (await heard(page)).hints)
      .toContain('Copiado. Pulsa Control + V para pegar.');
    await page.keyboard.press('m');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await heard(page)).announced).toContain('Movimiento cancelado.');
    const spanishTree = await workspaceTree();
    for (const line of ['region "Espacio de bloques."', 'button "Acercar"', 'button "Tamaño normal"'])
      expect(spanishTree).toContain(line);

    await page.selectOption('#language', 'en');
    await expect.poll(workspaceTree).toContain('region "Blocks workspace."');
    await heard(page);
    await takeFirstBlockByKeyboard(page);
    spoken = { hints: [], announced: [] };
    await expect
      .poll(async () => {
        const next = await heard(page);
        spoken = {
          hints: [...spoken.hints, ...next.hints],
          announced: [...spoken.announced, ...next.announced],
        };
        return spoken.announced.some((text) => text.startsWith('Moving '));
      })
      .toBe(true);
    // Blockly gives the "hold Ctrl" hint once; the second move gets the arrow-keys hint.
    expect(spoken.hints).toContain('Use the arrow keys to move, then Enter to accept the position.');
    expect(spoken.announced).toContain('Moving turn, on, the LED on pin, 13 on workspace.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('m');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await heard(page)).announced).toContain('Canceled movement.');
  });
});
