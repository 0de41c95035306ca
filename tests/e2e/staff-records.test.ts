/**
 * Fixing the records as a centre admin meets them, in Chromium at 1024×768: a minor without the
 * guardian's consent is never checked in silently, the same child added twice is caught and
 * merged, sessions are edited and deleted while empty, and the monthly summary prints and exports.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { setUpAdmin } from './helpers/staff-setup';

const adminPin = '8642';
const childYear = String(new Date().getFullYear() - 10);

const addPerson = async (page: Page, name: string) => {
  await page.fill('#person-add-name', name);
  await page.selectOption('#person-add-type', 'learner');
  await page.fill('#person-add-birth-year', childYear);
  await page.click('#person-add-submit');
};

const newSession = async (page: Page, facilitator: string) => {
  await page.click('#staff-tab-sessions');
  await page.fill('#session-facilitator', facilitator);
  await page.click('#session-create');
  await page.waitForSelector('#staff-tab-checkin[aria-selected="true"]');
};

describe('staff records: consent, duplicates, sessions, summary', () => {
  let app: RunningApp;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    session = await openBrowser({ acceptDownloads: true });
    page = session.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    await setUpAdmin(page, adminPin);
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  it('warns before adding a likely duplicate; registers a minor without consent as missing', async () => {
    await page.click('#staff-tab-people');
    await addPerson(page, 'María José Quispe');
    await page.waitForSelector('#person-add-status[data-state="ok"]');
    expect(await page.textContent('#people-list li:has-text("María José Quispe")')).toContain(
      'Falta consentimiento',
    );

    await addPerson(page, 'maria jose QUISPE');
    await page.waitForSelector('#duplicate-dialog[open]');
    expect(await page.textContent('#duplicate-dialog-message')).toContain('María José Quispe');
    await page.click('#duplicate-dialog-cancel');
    await page.waitForSelector('#person-add-status:has-text("No se agregó")');
    expect(await page.locator('#people-list li').count()).toBe(1);

    await page.click('#person-add-submit');
    await page.click('#duplicate-dialog-confirm');
    await page.waitForSelector('#person-add-status[data-state="ok"]');
    await page.waitForFunction(() => document.querySelectorAll('#people-list li').length === 2);
    expect(session.errors).toEqual([]);
  });

  it('asks before checking in a minor without consent, and says the row stays on this computer', async () => {
    await newSession(page, 'Carla Rojas');
    const maria = '#checkin-roster li:has-text("María José Quispe") button';
    await page.click(maria);
    await page.waitForSelector('#no-consent-dialog[open]');
    expect(await page.textContent('#no-consent-dialog-message')).toMatch(/solo en esta computadora/);
    await page.click('#no-consent-dialog-cancel');
    await page.waitForSelector(
      '#checkin-status:has-text("No se registró la asistencia de María José Quispe")',
    );
    expect(await page.getAttribute('#checkin-count', 'data-count')).toBe('0');
    expect(await page.getAttribute(maria, 'aria-pressed')).toBe('false');

    await page.click(maria);
    await page.click('#no-consent-dialog-confirm');
    await page.waitForSelector('#checkin-count[data-count="1"]');
    await page.waitForSelector('#checkin-status:has-text("Se guarda solo en esta computadora")');
    expect(session.errors).toEqual([]);
  });

  it('merges the duplicate into the kept person: one record, attendance kept, audited', async () => {
    await page.click('#staff-tab-people');
    await page.click('#people-list li:has-text("maria jose QUISPE") button');
    await page.waitForSelector('#person-duplicates:not([hidden])');
    await page.click('#person-duplicates button[data-merge-id]');
    await page.waitForSelector('#merge-dialog[open]');
    expect(await page.textContent('#merge-dialog-message')).toContain('se borra para siempre');
    await page.click('#merge-dialog-confirm');
    await page.waitForSelector('#person-detail-status:has-text("1 sesiones movidas")');
    await page.waitForFunction(() => document.querySelectorAll('#people-list li').length === 1);

    await page.click('#staff-tab-checkin');
    await page.waitForSelector(
      '#checkin-roster li:has-text("maria jose QUISPE") button[aria-pressed="true"]',
    );
    expect(await page.getAttribute('#checkin-count', 'data-count')).toBe('1');
    await page.click('#staff-tab-exports');
    await page.waitForSelector('#audit-table tr[data-action="merge"]', { state: 'attached' });
    expect(session.errors).toEqual([]);
  });

  it('edits a session, refuses a new date once attended, and deletes an empty one (both audited)', async () => {
    await newSession(page, 'Otro Facilitador');
    await page.click('#staff-tab-sessions');
    const empty = '#session-list li:has-text("Otro Facilitador")';
    const attended = '#session-list li:has-text("Carla Rojas")';
    await page.waitForSelector(`${empty} button[data-action="delete"]`);
    expect(await page.locator(`${attended} button[data-action="delete"]`).count()).toBe(0);

    await page.click(`${attended} button[data-action="edit"]`);
    expect(await page.textContent('#session-form-title')).toBe('Editar sesión');
    expect(await page.inputValue('#session-facilitator')).toBe('Carla Rojas');
    await page.fill('#session-date', '2020-01-15');
    await page.click('#session-create');
    await page.waitForSelector('#session-status[data-code="attendance.session-has-attendance-fields"]');
    await page.click(`${attended} button[data-action="edit"]`);
    await page.fill('#session-facilitator', 'Carla Rojas Mamani');
    await page.click('#session-create');
    await page.waitForSelector('#session-status[data-state="ok"]');
    await page.waitForSelector('#session-list li:has-text("Carla Rojas Mamani")');
    expect(await page.textContent('#session-form-title')).toBe('Nueva sesión');

    await page.click(`${empty} button[data-action="delete"]`);
    await page.click('#session-delete-dialog-confirm');
    await page.waitForSelector(empty, { state: 'detached' });
    await page.click('#staff-tab-exports');
    await page.waitForSelector('#audit-table tr[data-action="session-delete"]', { state: 'attached' });
    await page.waitForSelector('#audit-table tr[data-action="session-edit"]', { state: 'attached' });
    expect(session.errors).toEqual([]);
  });

  it('counts only attended sessions as held; the summary prints alone and exports a Spanish CSV', async () => {
    await newSession(page, 'Sesión Vacía'); // nobody checked in: not held
    await page.click('#staff-tab-exports');
    await page.waitForSelector('#summary-totals');
    expect(await page.textContent('#summary-totals [data-total="sessions"]')).toBe('1');
    expect(await page.locator('#summary-by-type').textContent()).not.toMatch(/Borrad/);

    const downloadStarted = page.waitForEvent('download');
    await page.click('#summary-csv');
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toMatch(/^resumen-\d{4}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).split('\r\n');
    expect(rows[1]).toBe('Sesiones realizadas;1');
    expect(rows).toContain('Tipo;Cantidad');

    const xlsxStarted = page.waitForEvent('download');
    await page.click('#summary-xlsx');
    const xlsx = await xlsxStarted;
    expect(xlsx.suggestedFilename()).toMatch(/^resumen-\d{4}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'Sesiones realizadas', 1]);
    await page.waitForSelector('#summary-status:has-text("Resumen descargado")');

    // Printing shows the summary and nothing else (the print stylesheet).
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', document.body.className);
    });
    await page.click('#summary-print');
    expect(await page.getAttribute('body', 'data-printed')).toContain('print-summary');
    await page.evaluate(() => document.body.classList.add('print-summary'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#summary-totals')).toBe(true);
    expect(await page.isVisible('#staff-tab-checkin')).toBe(false);
    expect(await page.isVisible('#summary-print')).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('print-summary'));
    expect(session.errors).toEqual([]);
  });
});
