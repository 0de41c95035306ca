/**
 * The student screen on the lab PCs' two sizes (1024×768 first, 1366×768): with blink running,
 * Run, Stop, the LED in use and the console are in view without scrolling, and the page itself
 * never scrolls while a child clicks, tabs, types and wheels over every panel part. With a lesson
 * open (also after a reload), its step text and Comprobar are in view beside all of that, with
 * no click to unfold anything. Screenshots of both sizes go to test-results/ for review.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { forever, ledSet, openProject, waitMs } from './helpers/project-file';

const sizes = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
];
const screenshots = join(projectRoot, 'test-results');

const pageScroll = (page: Page) =>
  page.evaluate(() => ({
    top: document.scrollingElement?.scrollTop ?? 0,
    left: document.scrollingElement?.scrollLeft ?? 0,
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));

/** The element's box lies fully inside the window. */
const expectInView = async (page: Page, locator: Locator, what: string) => {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, what).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.width * box.height, `${what} has a size`).toBeGreaterThan(0);
  expect(box.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} right`).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, `${what} bottom`).toBeLessThanOrEqual(viewport.height);
};

const expectNoPageScroll = async (page: Page, after: string) => {
  const scroll = await pageScroll(page);
  const viewport = page.viewportSize();
  expect({ after, top: scroll.top, left: scroll.left }).toEqual({ after, top: 0, left: 0 });
  expect(scroll.height, `page height after ${after}`).toBeLessThanOrEqual(viewport?.height ?? 0);
  await expectInView(page, page.locator('[data-testid="stop"]'), `Stop after ${after}`);
};

const blink = [
  forever('loop', ledSet('on', '1', waitMs('w-on', 300, ledSet('off', '0', waitMs('w-off', 300))))),
];

describe('the student screen at lab PC sizes', () => {
  let app: RunningApp;
  let session: BrowserSession;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startApp();
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  for (const size of sizes) {
    it(`${size.width}×${size.height}: a lesson open shows its step and Comprobar beside the blocks, Run/Stop, its parts and the console`, async () => {
      const { page } = session;
      await page.setViewportSize(size);
      await page.goto(app.url);
      await page.waitForSelector('body[data-ready="true"]');
      if (await page.locator('#region-lesson').isHidden()) await page.click('[data-testid="lesson-toggle"]');
      await page.waitForSelector('#region-lesson[data-lessons-ready="true"]');
      await page.click('[data-testid=lesson-blink]');
      await page.waitForSelector('[data-testid=lesson-view]');
      const lessonInView = async (when: string) => {
        for (const [selector, what] of [
          ['[data-testid="lesson-step-title"]', 'the step title'],
          ['[data-testid="lesson-body"] > :first-child', 'the step text'],
          ['[data-testid="lesson-check"]', 'Comprobar'],
          ['[data-testid="run"]', 'Run'],
          ['[data-testid="stop"]', 'Stop'],
          ['[data-testid="blockly-host"]', 'the workspace'],
          ['[data-testid="part-led-13"]', "the lesson's LED"],
          ['[data-testid="console-output"]', 'the console'],
        ] as const)
          await expectInView(page, page.locator(selector).first(), `${what} ${when}`);
        await expectNoPageScroll(page, when);
      };
      await lessonInView('with the lesson open');
      await page.screenshot({
        path: join(screenshots, `student-screen-lesson-${size.width}x${size.height}.png`),
      });

      // After a reload the lesson opens again, and so does its column: no click needed.
      await page.reload();
      await page.waitForSelector('#region-lesson[data-lessons-ready="true"]', { state: 'attached' });
      await page.waitForSelector('[data-testid=lesson-view]');
      await lessonInView('after a reload');
      await page.click('[data-testid=lesson-back]');
      await page.waitForSelector('[data-testid=lesson-list]');
    });

    it(`${size.width}×${size.height}: blink running with Run, Stop, the LED and the console in view; the page never scrolls`, async () => {
      const { page } = session;
      await page.setViewportSize(size);
      await page.goto(app.url);
      await page.waitForSelector('body[data-ready="true"]');
      await openProject(page, 'parpadeo', blink);
      await page.click('[data-testid="run"]');
      await page.waitForSelector('[data-testid="board-connect-panel"][data-state="ready"]', {
        timeout: 30_000,
      });
      await page.waitForSelector('.run-controls[data-state="running"]');
      // The LED blinks on the panel (it really comes on, then goes off again).
      await page.waitForSelector('[data-testid="part-led-13"][data-on="true"]', { timeout: 10_000 });
      await page.waitForSelector('[data-testid="part-led-13"][data-on="false"]', { timeout: 10_000 });

      // Choosing a board folded away once the board was ready.
      expect(await page.locator('[data-testid="board-connect-fold"]').getAttribute('open')).toBeNull();
      expect(await page.locator('[data-testid="part-led-13"]').getAttribute('data-in-use')).toBe('true');
      for (const [selector, what] of [
        ['[data-testid="run"]', 'Run'],
        ['[data-testid="stop"]', 'Stop'],
        ['[data-testid="part-led-13"]', 'the LED in use'],
        ['[data-testid="console-output"]', 'the console'],
        ['[data-testid="editor-undo"]', 'Deshacer'],
        ['[data-testid="editor-redo"]', 'Rehacer'],
        ['[data-testid="autosave-status"]', 'the autosave status'],
        ['[data-testid="blockly-host"]', 'the workspace'],
      ] as const)
        await expectInView(page, page.locator(selector), what);
      await expectNoPageScroll(page, 'Run');
      await page.screenshot({ path: join(screenshots, `student-screen-${size.width}x${size.height}.png`) });

      // Every panel part by mouse, keyboard and wheel.
      const pot = page.locator('[data-testid="pot-a0"]');
      await pot.scrollIntoViewIfNeeded();
      await pot.click();
      await expectNoPageScroll(page, 'clicking the potentiometer');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      // Two arrow presses turn the knob two twentieths, not 2/1023.
      await expect.poll(() => pot.getAttribute('data-value')).toBe('102');
      await expectNoPageScroll(page, 'arrow keys on the potentiometer');
      const potBox = await pot.boundingBox();
      if (potBox) {
        await page.mouse.move(potBox.x + potBox.width / 2, potBox.y + potBox.height / 3);
        await page.mouse.down();
        await page.mouse.move(potBox.x + potBox.width, potBox.y + potBox.height / 3, { steps: 5 });
        await page.mouse.up();
      }
      await expectNoPageScroll(page, 'turning the potentiometer with the mouse');
      await page.mouse.wheel(0, 600);
      await expectNoPageScroll(page, 'the wheel over the potentiometer');

      const button = page.locator('[data-testid="button-2"]');
      await button.scrollIntoViewIfNeeded();
      await button.click();
      await button.focus();
      await page.keyboard.press('Space');
      await expectNoPageScroll(page, 'the push button by mouse and keyboard');

      const distance = page.locator('[data-testid="distance-7"]');
      await distance.scrollIntoViewIfNeeded();
      await distance.focus();
      await page.keyboard.press('ArrowRight');
      await distance.click();
      await expectNoPageScroll(page, 'the distance slider');

      // Tab through every control from the top of the page.
      await page.locator('[data-testid="run"]').focus();
      for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
      await expectNoPageScroll(page, 'tabbing through the screen');

      for (const selector of [
        '[data-testid="board-panel"]',
        '.app-status',
        '[data-testid="console-output"]',
      ]) {
        const box = await page.locator(selector).boundingBox();
        if (!box) continue;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, 800);
        await expectNoPageScroll(page, `the wheel over ${selector}`);
      }
      // The lesson column, opened and folded from the header.
      await page.click('[data-testid="lesson-toggle"]');
      const lesson = await page.locator('#region-lesson').boundingBox();
      if (lesson) {
        await page.mouse.move(lesson.x + lesson.width / 2, lesson.y + lesson.height / 2);
        await page.mouse.wheel(0, 800);
      }
      await expectNoPageScroll(page, 'the wheel over the lesson column');
      await expectInView(
        page,
        page.locator('[data-testid="console-output"]'),
        'the console with the lesson open',
      );
      await page.click('[data-testid="lesson-toggle"]');

      await page.click('[data-testid="stop"]');
      await page.waitForSelector('.run-controls[data-state="idle"]');
      await expectNoPageScroll(page, 'Stop');
    });
  }
});
