import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';

/**
 * Staff area beyond the happy path, in Chromium against browser mode: a class of 30 checked in
 * from the keyboard alone, and a damaged database file that the UI reports and restores from a
 * backup (the app never overwrites it).
 */
const adminPin = '8642';

const openStaff = async (page: Page, url: string) => {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#staff-toggle');
};

const firstNames = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elena', 'Fabio', 'Gabriela', 'Hugo', 'Inés', 'Jorge'];
const lastNames = ['Quispe', 'Mamani', 'Choque'];
/** 30 distinct learners; "Inés Choque" and friends test accents in the search. */
const classList = lastNames.flatMap((last) => firstNames.map((first) => `${first} ${last}`));

describe('staff area: a class of 30 and a damaged database (issue 6)', () => {
  let app: RunningApp;
  let session: BrowserSession;
  const dataDir = join(tmpdir(), `chispa-e2e-staff-${process.pid}-${Date.now()}`);

  beforeAll(async () => {
    app = await startApp({ dataDir });
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('checks in 30 imported learners by typing each name and pressing Enter', async () => {
    const { page } = session;
    await openStaff(page, app.url);
    await page.fill('#staff-setup-pin', adminPin);
    await page.fill('#staff-setup-pin-again', adminPin);
    await page.click('#staff-setup-submit');
    await page.click('#staff-recovery-done');
    await page.waitForSelector('#staff-shell[data-role="admin"]');

    const year = new Date().getFullYear();
    const csv = [
      'name,type,birth_year,guardian_name,relation,method,consent_date,scopes',
      ...classList.map(
        (name, i) =>
          `${name},learner,${year - 9 - (i % 6)},Tutor ${i},mother,paper,${year}-03-01,attendance|reporting`,
      ),
    ].join('\n');
    await page.click('#staff-tab-people');
    await page.setInputFiles('#roster-file', {
      name: 'clase.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.click('#roster-import');
    await page.waitForSelector('#roster-summary');
    expect(await page.getAttribute('#roster-summary', 'data-accepted')).toBe('30');

    await page.click('#staff-tab-sessions');
    await page.fill('#session-facilitator', 'Carla Rojas');
    await page.click('#session-create');
    await page.waitForSelector('#checkin-roster li >> nth=29');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('checkin-search');

    // Keyboard only: type enough of the name (lowercase, no accents), Enter, next.
    const started = Date.now();
    for (const [i, name] of classList.entries()) {
      const typed = name
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(' ')
        .map((word) => word.slice(0, 3))
        .join(' ');
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`#checkin-count[data-count="${i + 1}"]`);
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `staff e2e: 30 check-ins by keyboard in ${seconds.toFixed(1)} s (headless Chromium, incl. typing)`,
    );
    expect(await page.locator('#checkin-roster button[aria-pressed="true"]').count()).toBe(30);

    // Esc clears the search and shows everyone again.
    await page.keyboard.type('zzz');
    await page.waitForSelector('#checkin-no-match', { state: 'visible' });
    await page.keyboard.press('Escape');
    expect(await page.inputValue('#checkin-search')).toBe('');
    expect(await page.locator('#checkin-roster li:visible').count()).toBe(30);

    // A backup with this admin PIN, for the next test.
    await page.click('#staff-tab-settings');
    await page.click('#settings-backup');
    await page.waitForSelector('#settings-backup-status[data-state="ok"]');
    expect(session.errors).toEqual([]);
  });

  it('reports a damaged database, keeps it, and restores the backup with its admin PIN', async () => {
    await session.page.close();
    await app.stop();
    const database = join(dataDir, 'chispa.sqlite');
    for (const suffix of ['-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
    writeFileSync(database, Buffer.alloc(64 * 1024, 0x5a));

    app = await startApp({ dataDir });
    const page = await session.context.newPage();
    session.page = page;
    await openStaff(page, app.url);
    await page.waitForSelector('#staff-storage');
    expect(await page.textContent('#staff-storage [role="alert"]')).toContain('está dañado');
    expect(await page.locator('#staff-restore-backup option').count()).toBeGreaterThan(0);

    await page.fill('#staff-restore-pin', '0000');
    await page.click('#staff-restore');
    await page.waitForSelector('#staff-storage-status[data-state="error"]');
    expect(await page.isVisible('#staff-storage')).toBe(true);

    await page.fill('#staff-restore-pin', adminPin);
    await page.click('#staff-restore');
    await page.waitForSelector('#staff-unlock');
    // The damaged file was moved aside, not deleted or overwritten.
    await page.waitForSelector('#staff-area-status[data-state="ok"]');
    const keptAs = (await page.textContent('#staff-area-status'))?.match(/ en (\/\S+)\.$/)?.[1] ?? '';
    expect(readFileSync(keptAs)).toEqual(Buffer.alloc(64 * 1024, 0x5a));
    await page.fill('#staff-pin', adminPin);
    await page.press('#staff-pin', 'Enter');
    await page.waitForSelector('#staff-shell[data-role="admin"]');
    await page.click('#staff-tab-checkin');
    await page.waitForSelector('#checkin-count[data-count="30"]');
  });
});

describe('staff area: idle lock keeps what was typed (issue 6)', () => {
  let app: RunningApp;
  let session: BrowserSession;
  const idleMs = 1500;

  beforeAll(async () => {
    app = await startApp({ env: { CHISPA_STAFF_IDLE_MS: String(idleMs) } });
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  it('returns to the PIN screen after idle and the form is still filled after unlocking', async () => {
    const { page } = session;
    await openStaff(page, app.url);
    await page.fill('#staff-setup-pin', adminPin);
    await page.fill('#staff-setup-pin-again', adminPin);
    await page.click('#staff-setup-submit');
    await page.click('#staff-recovery-done');
    await page.waitForSelector('#staff-shell[data-role="admin"]');
    await page.click('#staff-tab-people');
    await page.fill('#person-add-name', 'Valeria Torrez');
    await page.selectOption('#person-add-type', 'teacher');

    // Nobody touches the page: after the idle time the UI itself goes back to the PIN screen.
    await page.waitForTimeout(idleMs * 2);
    await page.waitForSelector('#staff-unlock', { state: 'visible' });
    expect(await page.isVisible('#person-add-status[data-state="ok"]')).toBe(false);
    expect(await page.textContent('#staff-unlock-notice')).toContain('inactividad');
    expect(await page.isVisible('#staff-shell')).toBe(false);
    await page.fill('#staff-pin', adminPin);
    await page.press('#staff-pin', 'Enter');
    await page.waitForSelector('#staff-shell[data-role="admin"]');
    expect(await page.inputValue('#person-add-name')).toBe('Valeria Torrez');
    await page.click('#person-add-submit');
    await page.waitForSelector('#person-add-status[data-state="ok"]');
    expect(session.errors).toEqual([]);
  });
});
