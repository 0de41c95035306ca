import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './helpers/browser';
import { startTestTracker, type TestTracker } from '../tracker/helpers/start-test-tracker';
import { checkInItem, sessionItem, testPerson, testSession } from '../tracker/helpers/test-items';
import { enrolledDevice } from '../tracker/helpers/test-device';

describe('reach dashboard in Chromium', () => {
  let tracker: TestTracker;
  let browser: BrowserSession;

  beforeAll(async () => {
    tracker = await startTestTracker({ engine: 'postgres' });
    const centre = await tracker.createCentre({ code: 'sv-panel', name: 'Centro Panel' });
    const device = await enrolledDevice(tracker.url, await tracker.issueEnrolmentCode(centre));
    const month = new Date().toISOString().slice(0, 7);
    const session = testSession(`${month}-02`, 'robotics-class');
    const learners = Array.from({ length: 12 }, (_, i) => testPerson('learner', i));
    const teachers = Array.from({ length: 3 }, (_, i) => testPerson('teacher', i));
    const answer = await device.send([
      sessionItem(centre, session),
      ...[...learners, ...teachers].map((person) => checkInItem(centre, session, person)),
    ]);
    expect(answer.body.results.every((r) => r.status === 'accepted')).toBe(true);
    // Six anonymous runs finish the last step of "blink"; two more pass its first step.
    const today = new Date().toISOString();
    const steps = Array.from({ length: 8 }, (_, i) => ({
      entity: 'lesson-progress',
      op: 'step-done',
      at: today,
      payload: {
        eventId: randomUUID(),
        personId: null,
        centre,
        lessonId: 'blink',
        step: i < 6 ? 2 : 0,
        lessonDone: i < 6,
        date: today.slice(0, 10),
        consentState: 'not-required',
        consentScopes: [],
      },
    }));
    const stepAnswer = await device.send(steps);
    expect(stepAnswer.body.results.map((r) => r.status)).toEqual(steps.map(() => 'accepted'));
    await tracker.createStaff('monitoreo', 'clave-segura-123');
    browser = await openBrowser();
    await browser.page.setViewportSize({ width: 1024, height: 768 });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await tracker?.stop();
  });

  it('asks programme staff to sign in, then shows reach against the targets with small cells hidden', async () => {
    const { page } = browser;
    await page.goto(tracker.url);
    await page.getByRole('heading', { name: 'Inicia sesión' }).waitFor();
    await page.getByLabel('Usuario').fill('monitoreo');
    await page.getByLabel('Contraseña').fill('una-clave-equivocada');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Usuario o contraseña incorrectos.').waitFor();
    await page.getByLabel('Contraseña').fill('clave-segura-123');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.locator('body[data-ready=true]').waitFor();

    await expect(page.getByRole('heading', { name: 'Alcance frente a las metas' }).isVisible()).resolves.toBe(
      true,
    );
    expect(await page.locator('.card[data-type=learner] .reached').textContent()).toBe('12');
    expect(await page.locator('.card[data-type=learner] .of').textContent()).toContain('700');
    expect(await page.locator('.card[data-type=teacher] .reached').textContent()).toBe('<5');
    // Chart.js drew every chart on its canvas.
    for (const id of [
      'chart-targets',
      'chart-months',
      'chart-places',
      'chart-sex',
      'chart-age',
      'chart-activity',
      'chart-lessons',
    ])
      expect(
        await page.evaluate(
          (canvas) =>
            Boolean(
              (window as unknown as { Chart: { getChart(id: string): unknown } }).Chart.getChart(canvas),
            ),
          id,
        ),
      ).toBe(true);
    // Lessons in the app: totals, by month on the chart, by centre in the table.
    await page.getByRole('heading', { name: 'Lecciones en la app' }).scrollIntoViewIfNeeded();
    expect(await page.locator('.card[data-kind=lessons] .reached').textContent()).toBe('6');
    expect(await page.locator('.card[data-kind=steps] .reached').textContent()).toBe('8');
    expect(await page.locator('#table-lessons tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^Centro Panel \(\w\w\)\t6\t8$/),
    ]);
    const counts = await page.locator('td.count').allTextContents();
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter((text) => /^[1-4]$/.test(text.trim()))).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Reach against the targets' }).waitFor();
    expect(await page.locator('.card[data-type=learner] .name').textContent()).toBe(
      'Children and adolescents',
    );
    // The one refused sign-in above is the only failed request.
    expect(browser.errors).toEqual([expect.stringContaining('status of 401')]);
  });
});
