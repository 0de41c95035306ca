import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';

describe('app shell in Chromium (browser mode)', () => {
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

  it('loads in Spanish with every region labelled and no console errors', async () => {
    const { page } = session;
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await expect(page.locator('#region-board-title').textContent()).resolves.toBe('Placa');
    for (const region of ['lesson', 'workspace', 'board']) {
      await expect(page.locator(`#region-${region}`).isVisible()).resolves.toBe(true);
    }
    expect(session.errors).toEqual([]);
  });

  it('switches to English and back, and remembers the choice after a reload', async () => {
    const { page } = session;
    await page.selectOption('#language', 'en');
    await expect(page.locator('#region-board-title').textContent()).resolves.toBe('Board');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('#region-board-title').textContent()).resolves.toBe('Board');
    await page.selectOption('#language', 'es');
    await expect(page.locator('#region-board-title').textContent()).resolves.toBe('Placa');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('#language').inputValue()).resolves.toBe('es');
  });
});
