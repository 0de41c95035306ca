/**
 * What a screen reader says for every board-panel part, read from Chromium's accessibility tree:
 * Spanish names from our i18n, English after switching the language, no English names from the
 * drawing library ("red pushbutton", "HC-SR04 VCC TRIG…", the Uno's pin labels), no nameless
 * focus stops, and a lesson's light sensor named as a light sensor.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';

const panel = (page: Page) => page.locator('[data-testid="board-panel"]');

/** Every role "name" line of the panel's accessibility tree, in order. */
const names = async (page: Page): Promise<string[]> =>
  (await panel(page).ariaSnapshot())
    .split('\n')
    .map((line) => /^\s*- '?(\w+) "([^"]*)"/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => `${match[1]} ${match[2]}`);

/** Elements in the panel a keyboard reaches (shadow roots included) that have no accessible name. */
const namelessFocusStops = (page: Page) =>
  panel(page).evaluate((root) => {
    const found: string[] = [];
    const walk = (node: Element | ShadowRoot) => {
      for (const element of node.querySelectorAll('*')) {
        const focusable =
          element.matches('button, input, select, textarea, a[href]') || element.hasAttribute('tabindex');
        const hidden = element.closest('[aria-hidden="true"]') !== null;
        const named =
          element.getAttribute('aria-label') ||
          element.getAttribute('aria-labelledby') ||
          element.closest('label');
        if (focusable && !hidden && element.getAttribute('tabindex') !== '-1' && !named)
          found.push(`${element.tagName.toLowerCase()}#${element.id}`);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(root);
    return found;
  });

describe('board panel parts speak the app language', () => {
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

  it('names every part in Spanish, then in English after the switch, and keeps them when pressed', async () => {
    const { page } = session;
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('[data-testid="button-2"]');
    const spanish = [
      'img Placa Arduino Uno',
      'figure LED rojo en el pin 13: apagado',
      'figure LED verde en el pin 9: apagado',
      'figure LED amarillo en el pin 10: apagado',
      'figure LED azul en el pin 11: apagado',
      'figure Botón en el pin 2',
      'button Botón en el pin 2. Mantén presionado con el ratón o con la barra espaciadora',
      'figure Potenciómetro en A0',
      'slider Potenciómetro en A0. Gíralo con el ratón o con las flechas del teclado',
      'figure Servo en el pin 6: 90°',
      'figure Zumbador en el pin 8',
      'figure Sensor de distancia en el pin 7 Distancia: 100 cm',
      'slider Sensor de distancia en el pin 7',
    ];
    await expect.poll(() => names(page)).toEqual(spanish);
    const tree = await panel(page).ariaSnapshot();
    for (const english of ['pushbutton', 'HC-SR04', 'TRIG', 'ARDUINO', 'AREF', 'ON false'])
      expect(tree, `"${english}" is not read out`).not.toContain(english);
    expect(await namelessFocusStops(page)).toEqual([]);

    // Pressing re-renders the drawing; the name stays ours.
    const button = page.locator('[data-testid="button-2"]');
    await button.locator('button').focus();
    await page.keyboard.down('Space');
    await expect.poll(() => button.getAttribute('data-pressed')).toBe('true');
    await page.keyboard.up('Space');
    await expect.poll(() => button.getAttribute('data-pressed')).toBe('false');
    expect(await names(page)).toEqual(spanish);

    await page.selectOption('#language', 'en');
    await expect
      .poll(() => names(page))
      .toEqual([
        'img Arduino Uno board',
        'figure Red LED on pin 13: off',
        'figure Green LED on pin 9: off',
        'figure Yellow LED on pin 10: off',
        'figure Blue LED on pin 11: off',
        'figure Button on pin 2',
        'button Button on pin 2. Hold it down with the mouse or the space bar',
        'figure Potentiometer on A0',
        'slider Potentiometer on A0. Turn it with the mouse or the arrow keys',
        'figure Servo on pin 6: 90°',
        'figure Buzzer on pin 8',
        'figure Distance sensor on pin 7 Distance: 100 cm',
        'slider Distance sensor on pin 7',
      ]);
    await page.selectOption('#language', 'es');
    await expect.poll(() => names(page)).toEqual(spanish);
  });

  it("names a lesson's light sensor as a light sensor, in both languages", async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    if (await page.locator('#region-lesson').isHidden()) await page.click('[data-testid="lesson-toggle"]');
    await page.waitForSelector('#region-lesson[data-lessons-ready="true"]');
    await page.click('[data-testid=lesson-night-light]');
    await page.waitForSelector('[data-testid=lesson-view]');
    await expect
      .poll(() => names(page))
      .toEqual([
        'img Placa Arduino Uno',
        'figure Sensor de luz en A1',
        'slider Sensor de luz en A1. Gíralo para dar más o menos luz, con el ratón o con las flechas del teclado',
        'figure LED blanco en el pin 13: apagado',
      ]);
    await page.selectOption('#language', 'en');
    await expect
      .poll(() => names(page))
      .toEqual([
        'img Arduino Uno board',
        'figure Light sensor on A1',
        'slider Light sensor on A1. Turn it for more or less light, with the mouse or the arrow keys',
        'figure White LED on pin 13: off',
      ]);
  });
});
