import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate } from '../../common/i18n/translate';
import { namedExportExtraColumns, pseudonymousExportColumns } from '../../common/ipc/contract-attendance';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';

/**
 * Issue 6 acceptance, in Chromium against browser mode with a fresh data directory: set the
 * staff PIN, lock, a wrong PIN does not unlock, the right one does; add two people (one by
 * form, one by roster import), create a session, check in three people (one a walk-in, added
 * inline), export CSV and read the downloaded file: pseudonymous by default, names only after
 * the confirmation dialog.
 */
const adminPin = '2468';

/** The downloaded CSV (Spanish: ";" between columns) as rows of cells (no quotes in our data). */
const readCsv = (text: string) => {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).split('\r\n');
  expect(lines.at(-1)).toBe('');
  return lines.slice(0, -1).map((line) => line.split(';'));
};
/** Column headers as a Spanish admin sees them. */
const spanishColumns = (columns: readonly string[]) =>
  columns.map((column) => translate('es', `screens.export.column.${column}`));

const exportCsv = async (page: Page, confirmNamed: boolean) => {
  const downloadStarted = page.waitForEvent('download');
  await page.click('#export-csv');
  if (confirmNamed) {
    await page.waitForSelector('#named-export-dialog[open]');
    await page.click('#named-export-dialog-confirm');
  }
  const download = await downloadStarted;
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
};

describe('staff area in Chromium (issue 6)', () => {
  let app: RunningApp;
  let session: BrowserSession;

  beforeAll(async () => {
    app = await startApp();
    session = await openBrowser({ acceptDownloads: true });
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  it('opens from the header, sets the admin PIN at first run, and locks back to the student view', async () => {
    const { page } = session;
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.isVisible('#region-staff')).toBe(false);
    await page.click('#staff-toggle');
    await page.waitForSelector('#staff-setup');
    expect(await page.isVisible('#region-board')).toBe(false);
    // Focus starts in the first PIN field; the two PINs must match.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('staff-setup-pin');
    await page.fill('#staff-setup-pin', adminPin);
    await page.fill('#staff-setup-pin-again', '2469');
    await page.click('#staff-setup-submit');
    await page.waitForSelector('#staff-setup-status[data-state="error"]');
    expect(await page.textContent('#staff-setup-status')).toBe('Los dos PIN no coinciden.');
    await page.fill('#staff-setup-pin-again', adminPin);
    await page.click('#staff-setup-submit');
    await page.waitForSelector('#staff-recovery-code');
    expect(await page.textContent('#staff-recovery-value')).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await page.click('#staff-recovery-done');
    await page.waitForSelector('#staff-shell[data-role="admin"]');
    expect(await page.textContent('#staff-role')).toBe('Administración del centro');
    expect(await page.getAttribute('#staff-tab-checkin', 'aria-selected')).toBe('true');

    await page.click('#staff-lock');
    await page.waitForSelector('#region-staff', { state: 'hidden' });
    expect(await page.isVisible('#region-board')).toBe(true);
    expect(await page.textContent('#staff-toggle')).toBe('Personal');
  });

  it('a wrong PIN shows an error and does not unlock; the right PIN does', async () => {
    const { page } = session;
    await page.click('#staff-toggle');
    await page.waitForSelector('#staff-unlock');
    await page.fill('#staff-pin', '1111');
    await page.press('#staff-pin', 'Enter');
    await page.waitForSelector('#staff-unlock-status[data-state="error"]');
    expect(await page.getAttribute('#staff-unlock-status', 'data-code')).toBe('staff.pin-wrong');
    expect(await page.textContent('#staff-unlock-status')).toMatch(/^PIN incorrecto/);
    // Nothing of the staff area is in the page while locked (the shell was dropped on Lock).
    expect(await page.locator('#staff-shell').count()).toBe(0);
    await page.fill('#staff-pin', adminPin);
    await page.press('#staff-pin', 'Enter');
    await page.waitForSelector('#staff-shell[data-role="admin"]');
  });

  it('adds two people (form and roster import, with a bad row reported) and creates a session', async () => {
    const { page } = session;
    // Tabs work from the keyboard: arrows move between them, focus follows.
    await page.focus('#staff-tab-checkin');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#staff-tab-people', 'aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('staff-tab-people');
    expect(await page.isVisible('#staff-panel-checkin')).toBe(false);
    await page.fill('#person-add-name', 'Ana Quispe');
    await page.selectOption('#person-add-type', 'learner');
    await page.fill('#person-add-birth-year', String(new Date().getFullYear() - 11));
    await page.selectOption('#person-add-sex', 'female');
    await page.waitForSelector('[data-consent="person-add"]', { state: 'visible' });
    await page.fill('#person-add-guardian', 'Rosa Quispe');
    await page.selectOption('#person-add-relation', 'mother');
    await page.selectOption('#person-add-method', 'paper');
    // Nothing is ticked for the guardian: the scopes are chosen explicitly, attendance among them.
    const scope = (value: string) => `[data-consent="person-add"] input[value="${value}"]`;
    for (const value of ['attendance', 'reporting', 'photos'])
      expect(await page.isChecked(scope(value))).toBe(false);
    await page.click('#person-add-submit');
    await page.waitForSelector('#person-add-status[data-state="error"]');
    expect(await page.textContent('#person-add-status')).toMatch(/Nada viene marcado/);
    await page.check(scope('reporting'));
    await page.click('#person-add-submit');
    await page.waitForSelector('#person-add-status:has-text("Registrar asistencia")');
    await page.check(scope('attendance'));
    await page.click('#person-add-submit');
    await page.waitForSelector('#person-add-status[data-state="ok"]');
    expect(await page.isChecked(scope('attendance'))).toBe(false);
    expect(await page.inputValue('#person-add-name')).toBe('');

    const csv = [
      'nombre;tipo;anio_nacimiento;sexo',
      'Bruno Mamani;docente;1990;M',
      ';docente;1985;F',
      '',
    ].join('\r\n');
    await page.setInputFiles('#roster-file', {
      name: 'lista.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.click('#roster-import');
    await page.waitForSelector('#roster-summary');
    expect(await page.getAttribute('#roster-summary', 'data-accepted')).toBe('1');
    expect(await page.getAttribute('#roster-summary', 'data-rejected')).toBe('1');
    expect(await page.textContent('#roster-rejected tr[data-row="3"] td:last-child')).toBe(
      'Falta el nombre.',
    );
    await page.waitForSelector('#people-list li:has-text("Bruno Mamani")');
    // Lists show the age band, never the birth year.
    const anaRow = await page.textContent('#people-list li:has-text("Ana Quispe")');
    expect(anaRow).toContain('8–11 años');
    expect(anaRow).not.toContain(String(new Date().getFullYear() - 11));

    await page.click('#staff-tab-sessions');
    expect(await page.inputValue('#session-date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.selectOption('#session-activity', 'robotics-class');
    await page.fill('#session-lessons', 'Semáforo, Servo');
    await page.fill('#session-facilitator', 'Carla Rojas');
    await page.click('#session-create');
    // Creating a session goes straight to its check-in.
    await page.waitForSelector('#staff-tab-checkin[aria-selected="true"]');
    await page.waitForSelector('#checkin-roster li:has-text("Bruno Mamani")');
    expect(await page.getAttribute('#checkin-count', 'data-count')).toBe('0');
  });

  it('checks in three people: type + Enter, a tap, a walk-in; a second tap is a correction', async () => {
    const { page } = session;
    await page.fill('#checkin-search', 'ANA qui');
    expect(await page.isVisible('#checkin-roster li:has-text("Bruno Mamani")')).toBe(false);
    await page.press('#checkin-search', 'Enter');
    await page.waitForSelector('#checkin-count[data-count="1"]');
    expect(await page.inputValue('#checkin-search')).toBe('');
    expect(await page.getAttribute('#checkin-roster li:has-text("Ana Quispe") button', 'aria-pressed')).toBe(
      'true',
    );

    const bruno = '#checkin-roster li:has-text("Bruno Mamani") button';
    // The count moves at once; the row is busy until main has answered.
    const settled = '#checkin-roster li:has-text("Bruno Mamani"):not([aria-busy])';
    await page.click(bruno);
    await page.waitForSelector('#checkin-count[data-count="2"]');
    await page.waitForSelector(settled);
    await page.click(bruno);
    await page.waitForSelector('#checkin-status:has-text("corregida")');
    expect(await page.getAttribute('#checkin-count', 'data-count')).toBe('1');
    await page.waitForSelector(settled);
    await page.click(bruno);
    await page.waitForSelector('#checkin-status:has-text("Bruno Mamani: presente.")');
    expect(await page.getAttribute('#checkin-count', 'data-count')).toBe('2');

    // Walk-in: the name typed in the search carries over; a minor without the guardian's consent
    // is never checked in silently (the same question as a tap on the roster).
    await page.fill('#checkin-search', 'Diego Flores');
    await page.waitForSelector('#checkin-no-match', { state: 'visible' });
    await page.click('#walkin-open');
    expect(await page.inputValue('#walkin-name')).toBe('Diego Flores');
    await page.selectOption('#walkin-type', 'learner');
    await page.fill('#walkin-birth-year', String(new Date().getFullYear() - 9));
    await page.click('#walkin-submit');
    await page.waitForSelector('#no-consent-dialog[open]');
    expect(await page.textContent('#no-consent-dialog-message')).toContain('Diego Flores');
    await page.click('#no-consent-dialog-cancel');
    await page.waitForSelector('#walkin-status:has-text("No se registró la asistencia de Diego Flores")');
    expect(await page.inputValue('#walkin-name')).toBe('Diego Flores');
    expect(await page.getAttribute('#checkin-count', 'data-count')).toBe('2');
    await page.fill('#walkin-guardian', 'María Flores');
    await page.check('[data-consent="walkin"] input[value="attendance"]');
    await page.check('[data-consent="walkin"] input[value="reporting"]');
    await page.click('#walkin-submit');
    await page.waitForSelector('#checkin-count[data-count="3"]');
    expect(await page.isVisible('#walkin-form')).toBe(false);
    expect(
      await page.getAttribute('#checkin-roster li:has-text("Diego Flores") button', 'aria-pressed'),
    ).toBe('true');
    expect(session.errors).toEqual([]);
  });

  it('exports CSV pseudonymously, and with names only after the confirmation', async () => {
    const { page } = session;
    await page.click('#staff-tab-exports');
    const pseudonymous = await exportCsv(page, false);
    const rows = readCsv(pseudonymous.text);
    expect(rows[0]).toEqual(spanishColumns(pseudonymousExportColumns));
    expect(rows).toHaveLength(4);
    for (const name of ['Ana', 'Quispe', 'Bruno', 'Mamani', 'Diego', 'Flores', 'Carla', 'Rosa', 'María']) {
      expect(pseudonymous.text).not.toContain(name);
    }
    const column = (row: string[], name: string) => row[rows[0].indexOf(name)];
    expect(
      rows
        .slice(1)
        .map((row) => column(row, 'Tipo de persona'))
        .sort(),
    ).toEqual(['Docente', 'Niña, niño o adolescente', 'Niña, niño o adolescente']);
    expect(new Set(rows.slice(1).map((row) => column(row, 'Actividad')))).toEqual(
      new Set(['Clase de robótica']),
    );
    await page.waitForSelector('#export-path:not([hidden])');
    expect(await page.getAttribute('#export-path', 'data-path')).toContain(app.dataDir);

    // Ticking "include names" asks first; cancelling exports nothing.
    await page.check('#export-named');
    await page.click('#export-csv');
    await page.waitForSelector('#named-export-dialog[open]');
    expect(await page.textContent('#named-export-dialog-message')).toContain('nombres de niñas, niños');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#named-export-dialog', { state: 'detached' });
    expect(await page.textContent('#export-status')).toBe('No se exportó nada.');

    const named = await exportCsv(page, true);
    const namedRows = readCsv(named.text);
    expect(namedRows[0]).toEqual(spanishColumns([...pseudonymousExportColumns, ...namedExportExtraColumns]));
    expect(namedRows).toHaveLength(4);
    const names = namedRows.slice(1).map((row) => row[namedRows[0].indexOf('Nombre')]);
    expect(names.sort()).toEqual(['Ana Quispe', 'Bruno Mamani', 'Diego Flores']);

    // XLSX: the same rows as a real workbook (a zip), pseudonymous again once the box is cleared.
    await page.uncheck('#export-named');
    const xlsxStarted = page.waitForEvent('download');
    await page.click('#export-xlsx');
    const xlsx = await xlsxStarted;
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');

    // Every export is in the audit log, the named one marked as such.
    await page.waitForSelector('#audit-table tr[data-action="export"][data-named="true"]');
    await page.waitForFunction(
      () => document.querySelectorAll('#audit-table tr[data-action="export"]').length === 3,
    );
  });

  it('shows the monthly summary with its chart, and follows a language switch', async () => {
    const { page } = session;
    await page.waitForSelector('#summary-totals');
    expect(await page.textContent('#summary-totals [data-total="people"]')).toBe('3');
    expect(await page.textContent('#summary-totals [data-total="sessions"]')).toBe('1');
    expect(await page.locator('#summary-chart rect[data-category="learner"]').count()).toBeGreaterThan(0);

    await page.selectOption('#language', 'en');
    expect(await page.textContent('#staff-tab-exports')).toBe('Exports & summary');
    expect(await page.textContent('#export-status')).toMatch(/^Exported 3 rows without names/);
    await page.selectOption('#language', 'es');
    expect(session.errors).toEqual([]);
  });

  it('withdrawn consent blocks a check-in with a translated error; erasing asks first', async () => {
    const { page } = session;
    await page.click('#staff-tab-people');
    await page.click('#people-list li:has-text("Ana Quispe") button');
    await page.waitForSelector('#consent-withdraw');
    await page.click('#consent-withdraw');
    await page.click('#withdraw-dialog-confirm');
    await page.waitForSelector('#consent-state.consent-withdrawn');

    await page.click('#staff-tab-checkin');
    const ana = '#checkin-roster li:has-text("Ana Quispe") button';
    await page.waitForSelector(`${ana}[aria-pressed="true"]`);
    await page.click(ana); // a correction is still allowed
    await page.waitForSelector('#checkin-status:has-text("Ana Quispe: asistencia corregida")');
    expect(await page.getAttribute('#checkin-count', 'data-count')).toBe('2');
    await page.waitForSelector('#checkin-roster li:has-text("Ana Quispe"):not([aria-busy])');
    await page.click(ana);
    await page.waitForSelector('#checkin-status[data-code="attendance.consent-withdrawn"]');
    expect(await page.textContent('#checkin-status')).toMatch(/retiró el consentimiento/);
    // The same error follows a language switch.
    await page.selectOption('#language', 'en');
    expect(await page.textContent('#checkin-status')).toMatch(/^The guardian withdrew consent/);
    await page.selectOption('#language', 'es');
    expect(await page.getAttribute(ana, 'aria-pressed')).toBe('false');
    expect(await page.getAttribute('#checkin-count', 'data-count')).toBe('2');

    await page.click('#staff-tab-people');
    // Edit, soft delete (hidden unless "show deleted"), restore.
    await page.click('#people-list li:has-text("Bruno Mamani") button');
    await page.selectOption('#person-edit-sex', 'male');
    await page.click('#person-save');
    await page.waitForSelector('#person-detail-status:has-text("Cambios guardados para Bruno Mamani")');
    await page.click('#person-delete');
    await page.waitForSelector('#people-list li:has-text("Bruno Mamani")', { state: 'detached' });
    await page.check('#people-show-deleted');
    await page.waitForSelector('#people-list li.deleted:has-text("Bruno Mamani")');
    await page.click('#person-restore');
    await page.waitForSelector('#people-list li:not(.deleted):has-text("Bruno Mamani")');
    await page.uncheck('#people-show-deleted');

    await page.click('#people-list li:has-text("Diego Flores") button');
    await page.click('#person-erase');
    await page.waitForSelector('#erase-dialog[open]');
    expect(await page.textContent('#erase-dialog-message')).toContain('Diego Flores');
    await page.click('#erase-dialog-cancel');
    await page.waitForSelector('#erase-dialog', { state: 'detached' });
    expect(await page.isVisible('#people-list li:has-text("Diego Flores")')).toBe(true);
    await page.click('#person-erase');
    await page.click('#erase-dialog-confirm');
    await page.waitForSelector('#people-list-status[data-state="ok"]');
    await page.waitForSelector('#people-list li:has-text("Diego Flores")', { state: 'detached' });
    expect(session.errors).toEqual([]);
  });

  it('an instructor PIN set by the admin unlocks as instructor, without admin tools', async () => {
    const { page } = session;
    await page.click('#staff-tab-settings');
    await page.fill('#settings-instructor-pin', adminPin);
    await page.fill('#settings-instructor-pin-again', adminPin);
    await page.click('#settings-instructor-submit');
    await page.waitForSelector('#settings-instructor-status[data-code="staff.pin-in-use"]');
    expect(await page.inputValue('#settings-instructor-pin')).toBe(adminPin);
    await page.fill('#settings-instructor-pin', '1357');
    await page.fill('#settings-instructor-pin-again', '1357');
    await page.click('#settings-instructor-submit');
    await page.waitForSelector('#settings-instructor-status[data-state="ok"]');

    await page.click('#staff-toggle'); // leaving the staff area locks it
    await page.waitForSelector('#region-staff', { state: 'hidden' });
    await page.click('#staff-toggle');
    await page.fill('#staff-pin', '1357');
    await page.press('#staff-pin', 'Enter');
    await page.waitForSelector('#staff-shell[data-role="instructor"]');
    expect(await page.locator('#staff-tab-settings').count()).toBe(0);
    await page.click('#staff-tab-exports');
    await page.waitForSelector('#exports-admin-only');
    expect(await page.locator('#export-csv').count()).toBe(0);
    await page.waitForSelector('#summary-totals');
    await page.click('#staff-tab-people');
    await page.click('#people-list li:has-text("Bruno Mamani") button');
    await page.waitForSelector('#person-delete');
    expect(await page.locator('#person-erase').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
