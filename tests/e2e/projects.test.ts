/**
 * Projects as children meet them at 1024×768 (Chromium, browser mode): a name typed in the
 * toolbar and used as the saved file's name, "Nuevo" for the next child without losing the
 * previous child's work, "Mis proyectos" to reopen it by keyboard, and everything back after a
 * reload and after the app restarts.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { shownCode, waitForAutosave } from './helpers/editor-blocks';
import { ledSet, openProject } from './helpers/project-file';

const expectInView = async (page: Page, locator: Locator, what: string) => {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, what).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.width * box.height, `${what} has a size`).toBeGreaterThan(0);
  expect(box.x >= 0 && box.y >= 0, `${what} top left`).toBe(true);
  expect(box.x + box.width, `${what} right`).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, `${what} bottom`).toBeLessThanOrEqual(viewport.height);
};

const ledOn = ledSet('led-on', '1');
const ledOff = { ...ledSet('led-off', '0'), x: 40, y: 40 };

describe('named projects, "Nuevo" per child and "Mis proyectos" (1024×768)', () => {
  let app: RunningApp;
  let session: BrowserSession;
  let page: Page;
  let anaCode = '';
  /** Apps killed by the restart test: stopped last, which removes their data folder. */
  const crashedApps: RunningApp[] = [];

  const ready = async () => {
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#region-workspace[data-editor-ready="true"]');
  };
  const nameField = () => page.locator('[data-testid="project-name"]');
  const notice = () => page.locator('[data-testid="editor-notice"]').textContent();
  const typeName = async (name: string) => {
    await nameField().fill(name);
    await nameField().press('Enter');
  };

  beforeAll(async () => {
    app = await startApp();
    session = await openBrowser();
    page = session.page;
    await page.setViewportSize({ width: 1024, height: 768 });
  });
  afterAll(async () => {
    await session?.close();
    await app?.stop();
    for (const crashed of crashedApps) await crashed.stop();
  });

  it('takes a typed name (accents kept), refuses a bad one with a message, and saves under it', async () => {
    await page.goto(app.url);
    await ready();
    expect(await nameField().inputValue()).toBe('');
    expect(await nameField().getAttribute('placeholder')).toBe('Mi proyecto');
    await openProject(page, 'parpadeo', [{ ...ledOn, x: 40, y: 40 }]);
    anaCode = await shownCode(page);
    expect(anaCode).toContain('digitalWrite(13, 1)');
    expect(await nameField().inputValue()).toBe('parpadeo');

    await typeName('Semáforo de Ana');
    await waitForAutosave(page);
    // The toolbar fits the 1024 px screen with the name in it.
    mkdirSync(join(projectRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(projectRoot, 'test-results', 'projects-toolbar-1024x768.png') });
    for (const [testId, what] of [
      ['project-name', 'the name field'],
      ['editor-new', 'Nuevo'],
      ['editor-open', 'Abrir'],
      ['projects-recent', 'Mis proyectos'],
      ['editor-save', 'Guardar'],
      ['editor-undo', 'Deshacer'],
      ['editor-redo', 'Rehacer'],
      ['autosave-status', 'the autosave status'],
      ['run', 'Ejecutar'],
      ['stop', 'Detener'],
    ])
      await expectInView(page, page.locator(`[data-testid="${testId}"]`), what);
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);

    await typeName('Ana/Luis');
    const error = page.locator('[data-testid="project-name-error"]');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'El nombre no puede tener estos signos: / \\ : * ? " < > | Tu proyecto sigue llamándose «Semáforo de Ana».',
    );
    expect(await nameField().getAttribute('aria-invalid')).not.toBeNull();
    // Save with the bad name still typed: nothing is downloaded, the field says why.
    await page.click('[data-testid="editor-save"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('project-name');

    await typeName('Semáforo de Ana');
    await error.waitFor({ state: 'hidden' });
    const downloading = page.waitForEvent('download');
    await page.click('[data-testid="editor-save"]');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Semáforo de Ana.chispa.json');
    expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toMatchObject({
      format: 'chispa-project',
      name: 'Semáforo de Ana',
    });
    expect(await notice()).toBe('Guardaste «Semáforo de Ana.chispa.json» en un archivo.');
  });

  it('"Nuevo" gives the next child an empty project and keeps the previous one', async () => {
    await page.click('[data-testid="editor-new"]');
    expect(await page.locator('[data-testid="editor-new-dialog"]').textContent()).toContain(
      'queda guardado en «Mis proyectos»',
    );
    await page.click('[data-testid="editor-new-confirm"]');
    await expect.poll(() => shownCode(page)).toBe('');
    expect(await nameField().inputValue()).toBe('');
    expect(await notice()).toBe(
      '«Semáforo de Ana» quedó guardado en «Mis proyectos». Empieza tu proyecto nuevo.',
    );

    await openProject(page, 'apagar', [ledOff]);
    await typeName('Robot de Luis');
    await waitForAutosave(page);
    expect(await shownCode(page)).toContain('digitalWrite(13, 0)');
  });

  it('"Mis proyectos" lists both with name and date and reopens the first by keyboard', async () => {
    await page.click('[data-testid="projects-recent"]');
    const dialog = page.locator('[data-testid="recent-projects-dialog"]');
    await dialog.waitFor();
    const items = dialog.locator('[data-testid="recent-project"]');
    expect(await items.locator('.recent-project-name').allTextContents()).toEqual([
      'Robot de Luis',
      'Semáforo de Ana',
    ]);
    const year = String(new Date().getFullYear());
    for (const detail of await items.locator('.recent-project-detail').allTextContents())
      expect(detail).toContain(year);
    expect(await items.first().getAttribute('aria-current')).toBe('true');
    expect(await items.first().textContent()).toContain('abierto ahora');
    // The dialog takes the focus; Tab reaches the second project, Enter opens it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('dialog')?.dataset.testid))
      .toBe('recent-projects-dialog');
    await items.first().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Semáforo de Ana');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => shownCode(page)).toBe(anaCode);
    expect(await nameField().inputValue()).toBe('Semáforo de Ana');
    expect(await notice()).toBe('Abriste «Semáforo de Ana».');
  });

  it('finds the same project after a reload and after the app restarts', async () => {
    await page.reload();
    await ready();
    expect(await nameField().inputValue()).toBe('Semáforo de Ana');
    expect(await shownCode(page)).toBe(anaCode);

    const dataDir = app.dataDir;
    await app.crash();
    crashedApps.push(app);
    app = await startApp({ dataDir });
    await page.goto(app.url);
    await ready();
    expect(await nameField().inputValue()).toBe('Semáforo de Ana');
    expect(await shownCode(page)).toBe(anaCode);
    await page.click('[data-testid="projects-recent"]');
    // The list is filled by a call after the dialog opens: wait for it.
    await expect
      .poll(() => page.locator('[data-testid="recent-project"] .recent-project-name').allTextContents())
      .toEqual(['Semáforo de Ana', 'Robot de Luis']);
    await page.keyboard.press('Escape');
    const refused = session.errors.filter((error) => error.includes('ERR_CONNECTION_REFUSED'));
    expect(session.errors).toEqual(refused);
  });
});
