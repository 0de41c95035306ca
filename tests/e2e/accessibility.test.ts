/**
 * axe-core over every screen, in the normal and the high-contrast theme: student, running
 * program, lesson column, staff PIN, check-in, people, sessions, exports and summary, settings.
 * Any violation fails, with the rule and the elements it names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { forever, ledSet, openProject, waitMs } from './helpers/project-file';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const adminPin = '1357';

interface Found {
  rule: string;
  impact: string | null;
  targets: string[];
  summary: string;
}

/** axe's violations on the page as it is now (injected once per page load; CSP is bypassed). */
const violations = async (page: Page): Promise<Found[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? null,
      targets: violation.nodes.map((node) => node.target.join(' ')),
      summary: violation.nodes[0]?.failureSummary ?? '',
    }));
  });
};

const themes = ['normal', 'high-contrast'] as const;

describe('accessibility (axe-core) on every screen', () => {
  let app: RunningApp;
  let session: BrowserSession;
  let page: Page;
  const seen: Record<string, Found[]> = {};

  const check = async (screen: string) => {
    // Let transitions and polite status updates settle before measuring colours.
    await page.waitForTimeout(300);
    seen[screen] = await violations(page);
  };

  beforeAll(async () => {
    app = await startApp();
    session = await openBrowser();
    const context = await session.browser.newContext({
      bypassCSP: true,
      viewport: { width: 1024, height: 768 },
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  for (const theme of themes) {
    it(`has no violations in the ${theme} theme`, async () => {
      await page.goto(app.url);
      await page.waitForSelector('body[data-ready="true"]');
      const contrast = page.locator('[data-testid="contrast-toggle"]');
      if ((await contrast.getAttribute('aria-pressed')) !== String(theme === 'high-contrast'))
        await contrast.click();

      await check(`${theme}: student`);
      await page.click('[data-testid="projects-recent"]');
      await page.waitForSelector('[data-testid="recent-projects-dialog"][open]');
      await check(`${theme}: my projects`);
      await page.click('[data-testid="recent-projects-close"]');
      await page.click('[data-testid="lesson-toggle"]');
      await check(`${theme}: lesson column`);
      await page.click('[data-testid="lesson-toggle"]');
      await openProject(page, 'parpadeo', [
        forever('loop', ledSet('on', '1', waitMs('w1', 200, ledSet('off', '0', waitMs('w2', 200))))),
      ]);
      await page.click('[data-testid="run"]');
      // The virtual board starts on the first Run (slow on a loaded machine).
      await page
        .waitForSelector('.run-controls[data-state="running"]', { timeout: 90_000 })
        .catch(async (error: unknown) => {
          throw new Error(`not running: ${await page.textContent('.run-controls')}`, { cause: error });
        });
      await page.waitForSelector('[data-testid="board-connect-panel"][data-state="ready"]', {
        timeout: 30_000,
      });
      await check(`${theme}: running program`);
      await page.click('[data-testid="stop"]');
      await page.waitForSelector('.run-controls[data-state="idle"]');

      await page.click('#staff-toggle');
      if (theme === 'normal') {
        await page.waitForSelector('#staff-setup');
        await check(`${theme}: staff PIN (first run)`);
        await page.fill('#staff-setup-pin', adminPin);
        await page.fill('#staff-setup-pin-again', adminPin);
        await page.click('#staff-setup-submit');
        // The recovery code is shown once after setup.
        await page.waitForSelector('#staff-recovery-code');
        await check(`${theme}: staff recovery code`);
        await page.click('#staff-recovery-done');
      } else {
        await page.waitForSelector('#staff-unlock');
        await check(`${theme}: staff PIN`);
        await page.fill('#staff-pin', adminPin);
        await page.press('#staff-pin', 'Enter');
      }
      await page.waitForSelector('#staff-shell[data-role="admin"]');

      if (theme === 'normal') {
        // Someone to list and a session to check in to, so rows and badges are measured too.
        await page.click('#staff-tab-people');
        await page.fill('#person-add-name', 'Lucía Condori');
        await page.selectOption('#person-add-type', 'teacher');
        await page.fill('#person-add-birth-year', '1990');
        await page.click('#person-add-submit');
        await page.waitForSelector('#person-add-status[data-state="ok"]');
        await page.click('#staff-tab-sessions');
        await page.fill('#session-facilitator', 'Lucía Condori');
        await page.click('#session-create');
        await page.waitForSelector('#checkin-roster li:has-text("Lucía Condori")');
        await page.click('#checkin-roster li:has-text("Lucía Condori") button');
        await page.waitForSelector('#checkin-count[data-count="1"]');
      }
      await page.click('#staff-tab-checkin');
      await page.waitForSelector('#checkin-roster li:has-text("Lucía Condori")');
      await check(`${theme}: check-in`);
      await page.click('#staff-tab-people');
      await check(`${theme}: people`);
      await page.click('#staff-tab-sessions');
      await check(`${theme}: sessions`);
      await page.click('#staff-tab-exports');
      await page.waitForSelector('#summary-totals');
      await check(`${theme}: exports and summary`);
      await page.click('#staff-tab-settings');
      await check(`${theme}: settings`);
      await page.click('#staff-lock');
      await page.waitForSelector('#region-staff', { state: 'hidden' });

      const found = Object.entries(seen).filter(
        ([screen, list]) => screen.startsWith(theme) && list.length > 0,
      );
      expect(Object.fromEntries(found)).toEqual({});
    }, 300_000);
  }
});
