// Renders build-resources/icon.svg to build-resources/icon.png (512×512, transparent corners) with
// the Chromium the e2e tests use; electron-builder makes the Windows .ico and the Linux icon
// sizes from that PNG. Run after changing the SVG: node scripts/render-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url);
const svg = readFileSync(new URL('build-resources/icon.svg', root), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHISPA_CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(new URL('build-resources/icon.png', root), png);
  console.log(`render-icon: build-resources/icon.png (${png.length} bytes)`);
} finally {
  await browser.close();
}
