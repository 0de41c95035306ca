/**
 * Issue 11, point 5: a lesson step's instructor notes show in the lesson panel only once the staff
 * area is unlocked, in Chromium at 1024×768; before that (and after locking) they are not in the
 * page at all. The unlocked screen with the notes has no axe violations.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const adminPin = '2580';

describe('instructor notes in the lesson panel (1024×768)', () => {
  let app: RunningApp;
  let session: BrowserSession;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-e2e-staff-notes-'));
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ language: 'es' }));
    // A shared, loaded machine can take longer than the default 30 s to start browser mode.
    app = await startApp({ dataDir, startTimeoutMs: 120_000 });
    session = await openBrowser();
    // CSP bypassed only so that the test can inject axe-core.
    const context = await session.browser.newContext({
      bypassCSP: true,
      viewport: { width: 1024, height: 768 },
    });
    page = await context.newPage();
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const notes = () => page.locator('[data-testid=lesson-staff-notes]');
  const pageText = () => page.evaluate(() => document.body.innerHTML);

  it('a student opens a lesson and gets no instructor notes', async () => {
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('[data-testid=lesson-toggle]');
    await page.waitForSelector('#region-lesson[data-lessons-ready="true"]');
    await page.click('[data-testid=lesson-safety-kindness]');
    await page.waitForSelector('[data-testid=lesson-view]');
    expect(await notes().isHidden()).toBe(true);
    expect(await pageText()).not.toContain('Tiempo total');
  });

  it('unlocking the staff area shows the step notes beside it, with no axe violations', async () => {
    await page.click('#staff-toggle');
    await page.waitForSelector('#staff-setup');
    // Still locked: the lesson stays, the notes do not come.
    expect(await page.locator('[data-testid=lesson-view]').isVisible()).toBe(true);
    expect(await notes().isHidden()).toBe(true);
    await page.fill('#staff-setup-pin', adminPin);
    await page.fill('#staff-setup-pin-again', adminPin);
    await page.click('#staff-setup-submit');
    await page.waitForSelector('#staff-recovery-code');
    await page.click('#staff-recovery-done');
    await page.waitForSelector('#staff-shell[data-role="admin"]');
    await notes().waitFor({ state: 'visible' });
    expect(await notes().getByRole('heading').textContent()).toBe('Notas para el instructor');
    expect(await page.locator('[data-testid=lesson-staff-notes-body]').textContent()).toContain(
      'Tiempo total: 45 minutos.',
    );

    await page.waitForTimeout(300); // transitions settle before axe measures colours
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    });
    expect(violations).toEqual([]);
  });

  it('follows the step and the language', async () => {
    const body = page.locator('[data-testid=lesson-staff-notes-body]');
    await page.click('[data-testid=lesson-next]');
    await page.waitForSelector('[data-testid=lesson-step-of]:has-text("Paso 2")');
    await page.click('[data-testid=lesson-next]');
    await page.waitForSelector('[data-testid=lesson-step-of]:has-text("Paso 3")');
    await body.filter({ hasText: 'Este paso no tiene notas.' }).waitFor();
    await page.click('[data-testid=lesson-previous]');
    await page.click('[data-testid=lesson-previous]');
    await body.filter({ hasText: 'Tiempo total: 45 minutos.' }).waitFor();
    await page.selectOption('#language', 'en');
    await body.filter({ hasText: 'Total time: 45 minutes.' }).waitFor();
    expect(await notes().getByRole('heading').textContent()).toBe('Instructor notes');
  });

  it('locking the staff area removes the notes from the page', async () => {
    await page.click('#staff-lock');
    await page.waitForSelector('#region-staff', { state: 'hidden' });
    expect(await notes().isHidden()).toBe(true);
    expect(await pageText()).not.toContain('Total time');
  });
});
