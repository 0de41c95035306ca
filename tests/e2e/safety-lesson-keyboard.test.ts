/**
 * A digital-safety lesson played to the end as a child, by keyboard only (Tab, Shift+Tab, Enter,
 * Space, arrows; no mouse), in Chromium at 1024×768: the scenario choices as a radio group, the
 * feedback in the polite live region a screen reader reads, the password meter edited with
 * Blockly's keyboard navigation and checked on the virtual Uno, and the helplines of the country
 * the centre chose (Colombia, from settings.json).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app-process';
import { openBrowser, type BrowserSession } from './helpers/browser';

describe('safety-passwords by keyboard only (1024×768)', () => {
  let app: RunningApp;
  let session: BrowserSession;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chispa-e2e-safety-'));
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ language: 'es', helpCountry: 'co' }));
    // A shared, loaded machine can take longer than the default 30 s to start browser mode.
    app = await startApp({ dataDir, startTimeoutMs: 120_000 });
    session = await openBrowser();
    await session.page.setViewportSize({ width: 1024, height: 768 });
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** What has the keyboard focus: test id, id and accessible label. */
  const focused = () =>
    session.page.evaluate(() => {
      const element = document.activeElement;
      return [element?.getAttribute('data-testid'), element?.id, element?.getAttribute('aria-label')].join(
        ' ',
      );
    });
  const tabTo = async (wanted: string, key: 'Tab' | 'Shift+Tab' = 'Tab') => {
    for (let i = 0; i < 80; i++) {
      await session.page.keyboard.press(key);
      if ((await focused()).includes(wanted)) return;
    }
    throw new Error(`${wanted} not reached with ${key}; focus is on ${await focused()}`);
  };
  const liveRegion = () => session.page.locator('[data-testid=lesson-result][role=status][aria-live=polite]');
  const stepTitle = () => session.page.locator('[data-testid=lesson-step-title]').textContent();

  /** Picks choice `index` of the radio group with the arrows and answers with Enter. */
  const answer = async (index: number) => {
    const { page } = session;
    await tabTo('lesson-choice-0');
    await page.keyboard.press('Space');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator(`[data-testid=lesson-choice-${index}]`).isChecked()).toBe(true);
    await tabTo('lesson-answer');
    await page.keyboard.press('Enter');
  };
  const waitState = (state: string) =>
    session.page.waitForSelector(`[data-testid=lesson-result][data-state="${state}"]`, { timeout: 60_000 });
  const nextStep = async (title: string) => {
    await tabTo('lesson-next-step');
    await session.page.keyboard.press('Enter');
    await expect.poll(stepTitle).toBe(title);
  };

  it('opens the folded lesson column and the lesson with the keyboard', async () => {
    const { page } = session;
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#region-lesson').isHidden()).toBe(true);
    await tabTo('lesson-toggle');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#region-lesson[data-lessons-ready="true"]');
    await tabTo('lesson-safety-passwords');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=lesson-view]');
    expect(await page.locator('[data-testid=lesson-title]').textContent()).toBe(
      'Contraseñas fuertes y secretos',
    );
    expect(await stepTitle()).toBe('¿Cuál es más fuerte?');
  });

  it('reads the feedback of a wrong choice and of the right one in the live region', async () => {
    await answer(0);
    await waitState('failed');
    expect(await liveRegion().textContent()).toContain('Es muy corta y muchas personas la usan.');
    // The group is drawn again after an answer: back into it and on to the right choice.
    await answer(2);
    await waitState('passed');
    expect(await liveRegion().textContent()).toContain('Cuatro palabras juntas hacen una contraseña larga.');
    await nextStep('Tu amigo pide tu contraseña');
    await answer(1);
    await waitState('passed');
    expect(await liveRegion().textContent()).toContain('Tu contraseña la compartes solo con tu familia');
    await nextStep('El medidor de contraseñas');
  });

  it('edits the password in the blocks with the keyboard; Comprobar fails "gato" and passes a long phrase', async () => {
    const { page } = session;
    await tabTo('lesson-check');
    await page.keyboard.press('Enter');
    await waitState('failed');
    expect(await liveRegion().textContent()).toContain('Todavía no.');
    // Into the workspace, onto the "set clave to" block, then right until the text field "gato".
    await tabTo('pila de bloques'); // Blockly's workspace label, in Spanish (common/i18n/es/blockly.json)
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toContain('gato');
    const label = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const seen: string[] = [];
    for (let i = 0; i < 8 && !/^Cambiar texto: gato$/.test(await label()); i++) {
      await page.keyboard.press('ArrowRight');
      seen.push(await label());
    }
    expect(await label(), seen.join(' | ')).toMatch(/^Cambiar texto: gato$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.blocklyHtmlInput');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('tres gatos saltan alto');
    await page.keyboard.press('Enter');
    await tabTo('lesson-check', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await waitState('passed');
    expect(await liveRegion().textContent()).toContain('¡Funciona!');
    await nextStep('Alguien entró a tu cuenta');
  });

  it("finishes the last two questions, shows Colombia's helpline, and marks the lesson complete", async () => {
    const { page } = session;
    await answer(0);
    await waitState('passed');
    expect(await liveRegion().textContent()).toContain('Una contraseña nueva y fuerte cierra la puerta.');
    await nextStep('Secretos buenos y secretos malos');
    const help = page.locator('[data-testid=lesson-help]');
    expect(await help.isVisible()).toBe(true);
    expect(await help.locator('[data-testid=lesson-help-line]').first().textContent()).toContain(
      'Línea 141 del ICBF: 141',
    );
    await answer(1);
    await waitState('passed');
    expect(await liveRegion().textContent()).toContain('Contarlo no te mete en problemas.');
    await expect.poll(() => page.locator('[data-testid=lesson-complete]').isVisible()).toBe(true);
    expect(
      await page.locator('[data-testid=lesson-step-button], .lesson-step-button[data-passed=true]').count(),
    ).toBe(5);
  });
});
