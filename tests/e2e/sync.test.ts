import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataLayout, ensureDataLayout } from '../../main/app/data-dir';
import { startFaultProxy, type FaultProxy } from '../tracker/helpers/fault-proxy';
import { startTestTracker, type TestTracker } from '../tracker/helpers/start-test-tracker';
import { checkInTeachers, newSession, openService } from '../main/sync/helpers';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { setUpAdmin } from './helpers/staff-setup';

/**
 * Issue 13 acceptance in Chromium at 1024×768: the centre admin enrols the PC with a real tracker
 * from the Sync tab, checks people in, and the sync runs; the tracker is stopped in the middle
 * of it (the status says so in plain words, nothing is lost), started again, and "Sync now"
 * completes; the tracker's dashboard then shows the reach.
 */
const adminPin = '1357';
/** Check-ins made before this test's UI part, so the sync needs several batches. */
const seededTeachers = 1100;

const text = async (page: Page, selector: string) => (await page.textContent(selector))?.trim() ?? '';

describe('sync with the central tracker in Chromium (issue 13)', () => {
  let tracker: TestTracker;
  let proxy: FaultProxy;
  let app: RunningApp;
  let browser: BrowserSession;
  let dataDir: string;
  let trackerDown = false;
  let centre = '';

  beforeAll(async () => {
    tracker = await startTestTracker({ engine: 'pglite' });
    centre = await tracker.createCentre({ country: 'SV', code: 'sv-ilobasco', name: 'Centro Ilobasco' });
    await tracker.createStaff('monitoreo', 'clave-de-prueba-larga');
    // Between the app and the tracker. Request 0 is the enrolment, 1 the first batch; at the
    // second batch the tracker is stopped (SIGKILL) and connections fail until it is back.
    proxy = await startFaultProxy(tracker.url, (n) => {
      if (n === 2) {
        trackerDown = true;
        tracker.kill();
      }
      return trackerDown ? 'drop-before-forward' : 'pass';
    });
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-e2e-sync-'));
    const layout = ensureDataLayout(dataLayout(dataDir));
    const service = await openService(layout);
    const session = await newSession(service);
    await checkInTeachers(service, session.id, seededTeachers);
    await service.close();
    app = await startApp({ dataDir });
    browser = await openBrowser({ acceptDownloads: true });
    await browser.page.setViewportSize({ width: 1024, height: 768 });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await proxy?.close();
    await tracker?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('checks people in from the staff area', async () => {
    const { page } = browser;
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    await setUpAdmin(page, adminPin);

    await page.click('#staff-tab-people');
    await page.setInputFiles('#roster-file', {
      name: 'lista.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'nombre;tipo;anio_nacimiento;sexo',
          'Lucía Pérez;docente;1988;F',
          'Sofía Ruiz;estudiante;2015;F',
        ].join('\r\n'),
        'utf8',
      ),
    });
    await page.click('#roster-import');
    await page.waitForSelector('#roster-summary[data-accepted="2"]');
    await page.click('#staff-tab-sessions');
    await page.selectOption('#session-activity', 'coding-class');
    await page.fill('#session-facilitator', 'Carla Rojas');
    await page.click('#session-create');
    await page.waitForSelector('#staff-tab-checkin[aria-selected="true"]');
    // Type, then tap the name (the centre also has the 1100 seeded teachers).
    for (const [index, name] of ['Lucía Pérez', 'Sofía Ruiz'].entries()) {
      await page.fill('#checkin-search', name);
      // Over one loaded roster, names are also asked from main as you type.
      await page.click(`#checkin-roster li:has-text("${name}") button`);
      // Sofía is a minor with no consent on record: staff confirm, and her row stays on this PC.
      if (name === 'Sofía Ruiz') {
        await page.waitForSelector('#no-consent-dialog[open]');
        await page.click('#no-consent-dialog-confirm');
      }
      await page.waitForSelector(`#checkin-count[data-count="${index + 1}"]`);
    }
    await page.waitForSelector('#checkin-count[data-count="2"]');
  });

  it('enrols the PC (plain HTTP to another computer refused), and a tracker stopped mid-sync is reported honestly', async () => {
    const { page } = browser;
    await page.click('#staff-tab-sync');
    await page.waitForSelector('#sync-state[data-state="not-enrolled"]');
    expect(await page.isDisabled('#sync-now')).toBe(true);

    await page.fill('#sync-address', 'http://192.168.1.20:8080');
    await page.fill('#sync-code', 'ABCD-EFGH-JKLM');
    await page.click('#sync-enrol');
    await page.waitForSelector('#sync-enrol-status[data-code="sync.insecure-address"]');
    expect(await text(page, '#sync-enrol-status')).toContain('https://');

    await page.fill('#sync-address', proxy.url);
    await page.fill('#sync-code', await tracker.issueEnrolmentCode(centre));
    await page.click('#sync-enrol');
    await page.waitForSelector('#sync-enrol-status[data-state="ok"]');
    expect(await text(page, '#sync-enrolment')).toContain(centre);
    // The new check-ins now carry the centre's code; 1 session + 1100 teachers seeded + UI rows.
    await page.waitForSelector('#sync-state[data-state="failing"]', { timeout: 120_000 });
    expect(trackerDown).toBe(true);
    expect(await text(page, '#sync-last-error')).toContain('No se pudo conectar');
    expect(await text(page, '#sync-last-success')).toContain('nunca');
    const pending = Number((await text(page, '#sync-pending')).replace(/\D/g, ''));
    const sent = Number((await text(page, '#sync-sent')).replace(/\D/g, ''));
    expect(sent).toBe(500);
    expect(pending).toBeGreaterThan(0);
    // The minor without consent for central reporting stays on this PC.
    expect(Number((await text(page, '#sync-withheld')).replace(/\D/g, ''))).toBe(2);
  });

  it('the next sync completes once the tracker is back, and the dashboard shows the reach', async () => {
    const { page } = browser;
    await tracker.start();
    trackerDown = false;
    await page.waitForSelector('#sync-now:not([disabled])');
    await page.click('#sync-now');
    await page.waitForSelector('#sync-state[data-state="ok"]', { timeout: 120_000 });
    expect(await page.isHidden('#sync-last-error')).toBe(true);
    expect(await text(page, '#sync-pending')).toBe('Por enviar: 0');
    expect(await text(page, '#sync-last-success')).not.toContain('nunca');
    await page.waitForSelector('#sync-problems td:has-text("Ningún registro con problemas.")');

    const dashboard = await browser.context.newPage();
    await dashboard.setViewportSize({ width: 1024, height: 768 });
    await dashboard.goto(`${tracker.url}/`);
    await dashboard.waitForSelector('#sign-in-form', { state: 'visible' });
    await dashboard.fill('#sign-in-form input[name="username"]', 'monitoreo');
    await dashboard.fill('#sign-in-form input[name="password"]', 'clave-de-prueba-larga');
    await dashboard.click('#sign-in-form button[type="submit"]');
    await dashboard.waitForSelector('#dashboard', { state: 'visible' });
    await dashboard.waitForSelector('.card[data-type="teacher"] .reached');
    const reached = (await dashboard.textContent('.card[data-type="teacher"] .reached')) ?? '';
    expect(reached.replace(/\D/g, '')).toBe(String(seededTeachers + 1));
    await dashboard.close();
  });
});
