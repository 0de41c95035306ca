import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataLayout, ensureDataLayout } from '../../main/app/data-dir';
import { localDate } from '../../main/progress/progress-service';
import { admin, newSession, openService } from '../main/sync/helpers';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { setUpAdmin } from './helpers/staff-setup';

/**
 * Issue 12, progress that counts, in Chromium at 1024×768: a child checked in today picks their
 * name on the student screen, passes a lesson step, and staff (after the PIN) see it in the
 * Progress tab, per child and per lesson; the new parts are axe-clean and keyboard reachable.
 */
const adminPin = '2468';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const violations = async (page: Page) => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
};

describe('lesson progress in Chromium (issue 12, point 4)', () => {
  let app: RunningApp;
  let browser: BrowserSession;
  let dataDir: string;
  let childId = '';
  let page: Page;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-e2e-progress-'));
    const service = await openService(ensureDataLayout(dataLayout(dataDir)));
    const session = await newSession(service, localDate());
    const child = await service.people.create({
      displayName: 'Lucía Prueba',
      type: 'learner',
      birthYear: 2015,
      consent: {
        guardianName: 'Tutora',
        relation: 'mother',
        method: 'paper',
        date: '2026-01-10',
        scopes: ['attendance', 'reporting'],
      },
    });
    childId = child.id;
    await service.checkIn.mark(session.id, child.id, admin);
    await service.close();
    app = await startApp({ dataDir, startTimeoutMs: 120_000 });
    browser = await openBrowser();
    // axe is injected as an inline script: this context bypasses the app's CSP for it.
    const context = await browser.browser.newContext({
      bypassCSP: true,
      viewport: { width: 1024, height: 768 },
    });
    page = await context.newPage();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the child picks their name with the keyboard and passes a step', async () => {
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('[data-testid=lesson-toggle]');
    await page.waitForSelector('#region-lesson[data-lessons-ready="true"]');
    await expect
      .poll(async () => (await page.textContent('#who-current'))?.trim())
      .toBe('¿Quién eres? Elige tu nombre');
    await page.focus('#who-change');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#who-picker:not([hidden])');
    // The first name has the focus; Enter picks it.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.person)).toBe(childId);
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await page.textContent('#who-current'))?.trim())
      .toBe('Trabajando: Lucía Prueba');
    expect(await page.isHidden('#who-picker')).toBe(true);

    await page.click('[data-testid=lesson-safety-passwords]');
    await page.waitForSelector('[data-testid=lesson-view]');
    await page.click('[data-testid=lesson-choice-2]');
    await page.click('[data-testid=lesson-answer]');
    await page.waitForSelector('[data-testid=lesson-result][data-state="passed"]', { timeout: 60_000 });
    // A reload keeps the child chosen on this PC.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect
      .poll(async () => (await page.textContent('#who-current'))?.trim())
      .toBe('Trabajando: Lucía Prueba');
  }, 180_000);

  it('staff see the step per child and per lesson in the Progress tab', async () => {
    await setUpAdmin(page, adminPin);
    await page.focus('#staff-tab-checkin');
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'staff-tab-progress')
      await page.keyboard.press('ArrowRight');
    await page.waitForSelector(`#progress-by-child tr[data-person="${childId}"]`);
    const child = page.locator(`#progress-by-child tr[data-person="${childId}"]`);
    expect((await child.locator('th').textContent())?.trim()).toBe('Lucía Prueba');
    expect(await child.locator('td').allTextContents()).toEqual([
      '1',
      '0',
      expect.stringMatching(/pasos hechos: 1$/),
    ]);
    const lesson = page.locator('#progress-by-lesson tr[data-lesson="safety-passwords"]');
    expect(await lesson.locator('td').allTextContents()).toEqual(['1', '0', '1']);
    expect(await violations(page)).toEqual([]);
  }, 180_000);
});
