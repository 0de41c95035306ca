import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { setUpAdmin } from './helpers/staff-setup';

/**
 * A roster saved by Excel on Spanish Windows (Windows-1252, ";" separated): the review step shows
 * the names with their accents before anything is added, the import keeps them, and check-in
 * search finds "Peña".
 */
const roster =
  'nombre;tipo;anio_nacimiento;sexo\r\nBenjamín Peña;docente;1990;M\r\nÑusta Quispe;docente;1988;F\r\n';
const windows1252 = Buffer.from(roster, 'latin1');

describe('roster import from a Windows-1252 file', () => {
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

  it('shows the accented names before importing, imports them intact, and search finds "Peña"', async () => {
    const { page } = session;
    expect(windows1252.includes(Buffer.from('í', 'utf8'))).toBe(false);
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    await setUpAdmin(page, '8642');
    await page.click('#staff-tab-people');
    await page.setInputFiles('#roster-file', {
      name: 'lista.csv',
      mimeType: 'text/csv',
      buffer: windows1252,
    });
    await page.click('#roster-check');
    await page.waitForSelector('#roster-names[open]');
    expect(await page.getAttribute('#roster-encoding', 'data-encoding')).toBe('windows-1252');
    expect(await page.locator('#roster-names li').allTextContents()).toEqual([
      'Benjamín Peña',
      'Ñusta Quispe',
    ]);
    expect(await page.locator('#people-list li:has-text("Peña")').count()).toBe(0);
    await page.click('#roster-import');
    await page.waitForSelector('#roster-summary[data-accepted="2"]');
    await page.waitForSelector('#people-list li:has-text("Benjamín Peña")');

    await page.click('#staff-tab-sessions');
    await page.fill('#session-facilitator', 'Carla Rojas');
    await page.click('#session-create');
    await page.waitForSelector('#staff-tab-checkin[aria-selected="true"]');
    await page.fill('#checkin-search', 'Peña');
    await page.waitForSelector('#checkin-roster li:has-text("Benjamín Peña")');
    expect(await page.isVisible('#checkin-roster li:has-text("Ñusta Quispe")')).toBe(false);
    expect(session.errors).toEqual([]);
  });
});
