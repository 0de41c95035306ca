import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHISPA_CHROMIUM ?? '/usr/bin/chromium';

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Debian's Chromium driven by playwright-core (no browser download), with a fresh profile each
 * launch (Playwright makes a temporary user-data-dir). Flags from
 * docs/architecture.md, "Testing and measuring": no sandbox as root, no GPU, no background networking on this closed network.
 */
export const openBrowser = async (options: { acceptDownloads?: boolean } = {}): Promise<BrowserSession> => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: run the README test command, which installs Debian's chromium package.`,
    );
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({
    acceptDownloads: options.acceptDownloads ?? true,
    viewport: { width: 1366, height: 800 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return {
    browser,
    context,
    page,
    errors,
    async close() {
      await browser.close();
    },
  };
};
