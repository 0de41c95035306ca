/**
 * A child plays a robotics lesson to the end in Chromium at 1024×768 (browser mode): the traffic
 * light. Every block is dragged from the toolbox with the mouse and every pin chosen in its
 * dropdown; Comprobar runs each step on the virtual Uno; the closing question is answered; the
 * lesson shows as complete.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app-process';
import {
  blockBox,
  chooseDropdown,
  dragFromFlyout,
  setFieldText,
  workspaceBlocks,
} from './helpers/blockly-drag';
import { openBrowser, type BrowserSession } from './helpers/browser';

/** Drags a block from a category and snaps it under `above`. */
const dragUnder = async (page: Page, above: Locator, category: string, type: string) => {
  const box = await blockBox(above);
  await dragFromFlyout(page, category, type, { x: box.x, y: box.y + box.height }, { connect: true });
};

/** Adds "turn LED <pin> on; wait <seconds> s; turn LED <pin> off" under the last LED block. */
const addLight = async (page: Page, pin: string, seconds: string) => {
  const leds = () => workspaceBlocks(page, 'chispa_led_set');
  await dragUnder(page, leds().last(), 'leds', 'chispa_led_set');
  // The LED block reads "encender ▾ el LED del pin 13 ▾": its state comes first, then its pin.
  await chooseDropdown(page, leds().last().locator('.blocklyDropdownField').nth(1), new RegExp(`^${pin}$`));
  await dragUnder(page, leds().last(), 'time', 'chispa_wait_seconds');
  const wait = workspaceBlocks(page, 'chispa_wait_seconds').last();
  await setFieldText(page, wait.locator('g.math_number .blocklyEditableField').first(), seconds);
  await dragUnder(page, wait, 'leds', 'chispa_led_set');
  await chooseDropdown(page, leds().last().locator('.blocklyDropdownField').nth(1), new RegExp(`^${pin}$`));
  await chooseDropdown(page, leds().last().locator('.blocklyDropdownField').first(), /apagar/);
};

describe('a child plays the traffic-light lesson to the end (Chromium, 1024×768)', () => {
  let app: RunningApp;
  let session: BrowserSession;

  beforeAll(async () => {
    app = await startApp();
    session = await openBrowser();
    await session.page.setViewportSize({ width: 1024, height: 768 });
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  const result = () => session.page.locator('[data-testid=lesson-result]');
  const stepTitle = () => session.page.locator('[data-testid=lesson-step-title]').textContent();
  const pressCheck = async () => {
    const { page } = session;
    await page.click('[data-testid=lesson-check]');
    await page.waitForSelector(
      '[data-testid=lesson-result][data-state="passed"], [data-testid=lesson-result][data-state="failed"], [data-testid=lesson-result][data-state="error"]',
      { timeout: 60_000 },
    );
    return (await result().getAttribute('data-state')) ?? '';
  };

  it('opens the lesson with its three lights on the board panel and the starter program', async () => {
    const { page } = session;
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    // At 1024 px the lesson column starts folded: the child opens it from the header.
    if (await page.locator('#region-lesson').isHidden()) await page.click('[data-testid="lesson-toggle"]');
    await page.waitForSelector('#region-lesson[data-lessons-ready="true"]');
    await page.click('[data-testid=lesson-traffic-light]');
    await page.waitForSelector('[data-testid=lesson-view]');
    expect(await page.locator('[data-testid=lesson-title]').textContent()).toBe('Arma un semáforo');
    expect(await page.locator('[data-testid=lesson-step-of]').textContent()).toBe('Paso 1 de 3');
    expect(await stepTitle()).toBe('Rojo y verde');
    for (const pin of [12, 11, 10]) expect(await page.locator(`[data-testid=led-${pin}]`).count()).toBe(1);
    // The starter: repeat forever { red on; wait 2 s; red off }.
    expect(await workspaceBlocks(page, 'chispa_forever').count()).toBe(1);
    expect(await workspaceBlocks(page, 'chispa_led_set').count()).toBe(2);
  });

  it('step 1: the starter fails (green never lights); adding the green light by hand passes', async () => {
    const { page } = session;
    expect(await pressCheck()).toBe('failed');
    expect(await result().textContent()).toContain('El LED del pin 10 nunca se enciende.');
    await addLight(page, '10', '2');
    expect(await workspaceBlocks(page, 'chispa_led_set').count()).toBe(4);
    expect(await pressCheck()).toBe('passed');
    expect(await result().textContent()).toContain('La comprobación se hizo en la placa virtual.');
    await page.click('[data-testid=lesson-next-step]');
    await expect.poll(stepTitle).toBe('Agrega el amarillo');
  }, 240_000);

  it('step 2: the program continues; adding the yellow light after the green passes', async () => {
    const { page } = session;
    expect(await workspaceBlocks(page, 'chispa_led_set').count()).toBe(4);
    await addLight(page, '11', '1');
    expect(await workspaceBlocks(page, 'chispa_led_set').count()).toBe(6);
    expect(await pressCheck()).toBe('passed');
    await page.click('[data-testid=lesson-next-step]');
    await expect.poll(stepTitle).toBe('¿Por qué importa el orden?');
  }, 240_000);

  it('step 3: a wrong answer explains why; the right one completes the lesson', async () => {
    const { page } = session;
    await page.check('[data-testid=lesson-choice-0]');
    await page.click('[data-testid=lesson-answer]');
    await expect.poll(() => result().getAttribute('data-state')).toBe('failed');
    expect(await result().textContent()).toContain('Si cambias el orden, cambia lo que ves.');
    await page.check('[data-testid=lesson-choice-1]');
    await page.click('[data-testid=lesson-answer]');
    await expect.poll(() => result().getAttribute('data-state')).toBe('passed');
    expect(await page.locator('[data-testid=lesson-complete]').isVisible()).toBe(true);
    for (const step of [0, 1, 2]) {
      expect(await page.locator(`[data-step="${step}"]`).getAttribute('data-passed')).toBe('true');
    }
    await page.click('[data-testid=lesson-back]');
    await page.waitForSelector('[data-testid=lesson-traffic-light]');
    expect(await page.locator('[data-testid=lesson-traffic-light]').getAttribute('data-done')).toBe('true');
    expect(session.errors).toEqual([]);
  });
});
