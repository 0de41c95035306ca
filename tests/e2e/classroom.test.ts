import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app-process';
import { dragLedBlockIn, workspaceBlocks } from './helpers/blockly-drag';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { setUpAdmin } from './helpers/staff-setup';

/**
 * Issue 12 acceptance, in Chromium at 1024×768: four separate browser-mode instances (each with
 * its own data folder and port on 127.0.0.1). The instructor starts today's class from a plan,
 * opens the live class; three student PCs join with the code shown (the first finds the class
 * on the network by mDNS, the others type the address), are admitted, pick their
 * names, are sent to the lesson step, each passes "Comprobar"; the instructor's grid shows it
 * and the session lists the three children as suggested check-ins.
 */
const pin = '735190';
const learners = ['Lucía Ramos', 'Mateo Choque', 'Valeria Soto'];
const pcNames = ['PC-1', 'PC-2', 'PC-3'];
const classLabel = 'Robótica 1 — martes';
// The machine is shared and loaded: start-up may be slow. Nothing here asserts timing.
const startTimeoutMs = 240_000;
const actionTimeoutMs = 120_000;
/** Per test: a bound against a hang on a loaded machine, not a speed target. */
const testTimeoutMs = 480_000;

describe('a live class in Chromium: instructor and three student PCs (issue 12)', () => {
  let instructorApp: RunningApp;
  const studentApps: RunningApp[] = [];
  let session: BrowserSession;
  let instructor: Page;
  const students: Page[] = [];
  let classAddress = '';
  let classCode = '';

  const newPage = async (browser: Browser) => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    page.setDefaultTimeout(actionTimeoutMs);
    page.on('pageerror', (error) => session.errors.push(String(error)));
    return page;
  };

  beforeAll(async () => {
    const started = await Promise.allSettled(
      ['Instructor', ...pcNames].map((name) => startApp({ startTimeoutMs, env: { CHISPA_PC_NAME: name } })),
    );
    const apps = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      await Promise.all(apps.map((app) => app.stop()));
      throw failed.reason;
    }
    instructorApp = apps[0];
    studentApps.push(...apps.slice(1));
    session = await openBrowser();
    instructor = session.page;
    instructor.setDefaultTimeout(actionTimeoutMs);
    await instructor.setViewportSize({ width: 1024, height: 768 });
    for (const _ of pcNames) students.push(await newPage(session.browser));
  }, startTimeoutMs + 60_000);
  afterAll(async () => {
    await session?.close();
    await Promise.all([instructorApp, ...studentApps].map((app) => app?.stop()));
  }, testTimeoutMs);

  it(
    'the instructor sets up, imports today’s learners and starts today’s class from a plan',
    async () => {
      const page = instructor;
      await page.goto(instructorApp.url);
      await page.waitForSelector('body[data-ready="true"]');
      await setUpAdmin(page, pin);

      await page.click('#staff-tab-people');
      const year = new Date().getFullYear() - 10;
      const csv = [
        'nombre;tipo;anio_nacimiento;sexo',
        ...learners.map((n) => `${n};estudiante;${year};F`),
        '',
      ];
      await page.setInputFiles('#roster-file', {
        name: 'lista.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv.join('\r\n'), 'utf8'),
      });
      await page.click('#roster-import');
      await page.waitForSelector('#roster-summary[data-accepted="3"]');

      await page.click('#staff-tab-plans');
      await page.waitForSelector('#plans-select option[value="robotics-1"]', { state: 'attached' });
      await page.selectOption('#plans-select', 'robotics-1');
      await page.fill('#plans-facilitator', 'Carla Rojas');
      // Meeting 2 of "Robótica 1" is the blink lesson.
      expect(await page.textContent('#plan-meetings li[data-meeting="1"] .plan-lessons')).toBe('blink');
      await page.click('#plan-meetings li[data-meeting="1"] button[data-start="1"]');
      // "Empezar la clase de hoy" made the session and opened its check-in.
      await page.waitForSelector('#staff-tab-checkin[aria-selected="true"]');
      await page.waitForSelector(`#checkin-roster li:has-text("${learners[0]}")`);
      expect(await page.getAttribute('#checkin-count', 'data-count')).toBe('0');

      await page.click('#staff-tab-class');
      await page.waitForSelector('#class-address option[value="127.0.0.1"]', { state: 'attached' });
      await page.selectOption('#class-address', '127.0.0.1');
      await page.fill('#class-label', classLabel);
      await page.click('#class-open');
      await page.waitForSelector('#class-view[data-open="true"]');
      classAddress = (await page.textContent('#class-address-shown')) ?? '';
      classCode = (await page.textContent('#class-code')) ?? '';
      expect(classAddress).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(classCode).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
      // The lesson to send everyone to comes from today's session.
      expect(await page.inputValue('#class-goto-lesson')).toBe('blink');
    },
    testTimeoutMs,
  );

  it(
    'three student PCs join with the code shown (one finds the class on the network); the instructor admits each; each child picks a name',
    async () => {
      for (const [index, page] of students.entries()) {
        await page.goto(studentApps[index].url);
        await page.waitForSelector('body[data-ready="true"]');
        await page.click('#class-join-toggle');
        if (index === 0) {
          // The first PC finds the class on the network (mDNS); the others type the address.
          await page.click('#class-join-find');
          const found = page.locator(`#class-join-found button[data-address="${classAddress}"]`);
          await found.waitFor();
          expect(await found.textContent()).toContain(classLabel);
          await found.click();
          expect(await page.inputValue('#class-join-address')).toBe(classAddress);
        } else await page.fill('#class-join-address', classAddress);
        await page.fill('#class-join-code', classCode);
        await page.click('#class-join-submit');
        await page.waitForSelector('#class-phase[data-phase="waiting"]');
      }
      for (const name of pcNames) {
        await instructor.click(`#class-pending button[data-admit="${name}"]`);
        await instructor.waitForSelector(`#class-grid li[data-pc="${name}"]`);
      }
      expect(await instructor.locator('#class-pending li').count()).toBe(0);
      for (const [index, page] of students.entries()) {
        await page.waitForSelector('#class-phase[data-phase="admitted"]');
        await page.waitForSelector('#class-join-name-field:not([hidden])');
        await page.selectOption('#class-join-name', { label: learners[index] });
        await page.click('#class-join-close');
        await instructor.waitForSelector(
          `#class-grid li[data-pc="${pcNames[index]}"]:has-text("${learners[index]}")`,
        );
      }
    },
    testTimeoutMs,
  );

  it(
    'the instructor sends everyone to the step; each child passes "Comprobar" and the grid shows it',
    async () => {
      await instructor.fill('#class-goto-step', '1');
      await instructor.click('#class-goto');
      await instructor.waitForSelector('#class-status:has-text("Enviado a 3 computadoras.")');
      for (const [index, page] of students.entries()) {
        // At 1024 px the lesson column starts folded; the class's command unfolds it.
        await page.waitForSelector('#region-lesson[data-lesson="blink"]');
        await page.waitForSelector('[data-testid=lesson-step-title]:has-text("Enciende el LED")');
        await dragLedBlockIn(page);
        expect(await workspaceBlocks(page, 'chispa_led_set').count()).toBe(1);
        await page.click('[data-testid=lesson-check]');
        await page.waitForSelector('[data-testid=lesson-result][data-state="passed"]');
        const pc = `#class-grid li[data-pc="${pcNames[index]}"]`;
        await instructor.waitForSelector(`${pc}[data-passed="true"][data-step="0"]`);
        expect(await instructor.textContent(`${pc} .class-pc-line`)).toMatch(/blink/);
      }
    },
    testTimeoutMs,
  );

  it(
    'the session lists the three children as suggested check-ins',
    async () => {
      for (const name of learners)
        await instructor.waitForSelector(`#class-suggestions li[data-person="${name}"]`);
      expect(await instructor.locator('#class-suggestions li').count()).toBe(3);
      expect(session.errors).toEqual([]);
    },
    testTimeoutMs,
  );
});
